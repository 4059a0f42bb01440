import ConformanceCatalog
import ConformanceKit
import ConformanceReport
import Foundation

extension Exploration.Result {
    /// The exploration as a run report, so that `--report` writes the formats of `conformance run` (JSON, JUnit,
    /// HTML, Markdown): one FAIL case per finding, with the shrunk steps and the case written for it, or one PASS
    /// case saying what was explored without a finding. The seed and budget are in every case's info.
    public func runResult(profile: TargetProfile, catalog: Catalog, startedAt: Date, casePaths: [String] = [])
        -> RunResult
    {
        let budget =
            "seed \(seed), \(sequences) sequences of \(stepsPerSequence) steps\(concurrency ? " with pairs sent at once" : ""), "
            + "\(stepsRun) steps run; notifications "
            + (notificationsJudged ? "judged" : "not all judged: " + notificationProblems.joined(separator: "; "))
        var cases = findings.enumerated().map { index, finding in
            let level = catalog.requirement(finding.requirement)?.level ?? .must
            var transcript = finding.steps.enumerated().map { "\($0.offset + 1). \($0.element)" }
            if index < casePaths.count { transcript.append("case written to \(casePaths[index])") }
            transcript += finding.caseYAML.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            return CaseResult(
                id: "explore-\(seed)-\(finding.sequence)-\(finding.requirement.lowercased())",
                operation: "Explore", title: finding.message, requirements: [finding.requirement],
                verdict: level == .must ? .fail : (level == .should ? .warn : .note),
                deviations: [
                    Deviation(
                        requirement: finding.requirement, level: level, pointer: "",
                        expected: finding.expected ?? "what the document allows",
                        actual: finding.actual ?? finding.message, message: finding.message,
                        erratum: catalog.requirement(finding.requirement)?.erratum, curl: nil)
                ],
                info: [
                    "\(budget); sequence \(finding.sequence), shrunk from \(finding.originalSteps) to "
                        + "\(finding.steps.count) steps"
                ],
                transcript: transcript)
        }
        if cases.isEmpty {
            // Nothing unjudged passes: without notifications, or interrupted, the run says so with a NOTE.
            var notes: [String] = []
            if !notificationsJudged {
                notes.append("Notifications were not all judged: " + notificationProblems.joined(separator: "; "))
            }
            if !complete { notes.append("Interrupted after \(sequencesRun) of \(sequences) sequences.") }
            cases = [
                CaseResult(
                    id: "explore-\(seed)", operation: "Explore",
                    title: "Explored \(sequencesRun) sequences of \(stepsPerSequence) steps: no finding",
                    requirements: [], verdict: notes.isEmpty ? .pass : .note, notes: notes, info: [budget])
            ]
        }
        var clauses: [String: RunResult.Clause] = [:]
        for finding in findings {
            if let requirement = catalog.requirement(finding.requirement) {
                clauses[finding.requirement] = RunResult.Clause(requirement)
            }
        }
        var result = RunResult(
            target: RunResult.Target(name: profile.name, baseURL: profile.baseURL, warnings: profile.warnings),
            cases: cases,
            startedAt: startedAt, durationMs: durationMs, complete: complete, clauses: clauses)
        result.suite.catalogDigest = catalog.digest
        return result
    }
}
