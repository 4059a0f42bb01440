import ConformanceReport
import Foundation
import Testing

extension CommandLineSuite {
    /// Baselines check themselves: a waiver that names nothing is refused, an ERROR is said to be unwaivable, and
    /// `--strict` names the stale waivers that fail it (issue 27).
    @Suite(.timeLimit(.minutes(10)))
    struct BaselineCommandTests {
        @Test func aWaiverForNoCaseOrNoRequirementIsRefusedWithASuggestion() throws {
            let directory = try Executable.scratch()
            defer { try? FileManager.default.removeItem(at: directory) }
            try """
            waivers:
              - {case: accept-twise, requirement: ACCEPT-FAILED-BODY, reason: typo in the case}
              - {case: accept-twice, requirement: ACCEPT-FAILED-BODI, reason: typo in the requirement}
            """.write(to: directory.appendingPathComponent("known.yaml"), atomically: true, encoding: .utf8)
            let run = try Executable.conformance(
                ["run", "--filter", "accept-twice", "--baseline", "known.yaml", "--report", "json:run.json"],
                in: directory)
            #expect(run.code == 2)
            #expect(
                run.stderr.contains(
                    "waivers[0].case 'accept-twise' is no case of the catalog; did you mean accept-twice"),
                "\(run.output)")
            #expect(
                run.stderr.contains(
                    "waivers[1].requirement 'ACCEPT-FAILED-BODI' is no requirement of the catalog; did you mean ACCEPT-FAILED-BODY"
                ), "\(run.output)")
            // Refused before the first request: no report, no case ran.
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("run.json").path))
        }

        @Test func strictNamesTheStaleWaiversThatFailIt() throws {
            let directory = try Executable.scratch()
            defer { try? FileManager.default.removeItem(at: directory) }
            try """
            waivers:
              - {case: accept-twice, requirement: ACCEPT-FAILED-BODY, reason: fixed in 8.5.2}
            """.write(to: directory.appendingPathComponent("known.yaml"), atomically: true, encoding: .utf8)
            let lenient = try Executable.conformance(
                ["run", "--filter", "accept-twice", "--baseline", "known.yaml"], in: directory)
            #expect(lenient.code == 0, "\(lenient.output)")
            #expect(lenient.stdout.contains("1 PASS"), "\(lenient.output)")
            #expect(lenient.stdout.contains("1 stale waiver"), "\(lenient.output)")
            #expect(!lenient.stdout.contains("--strict fails"), "\(lenient.output)")
            let strict = try Executable.conformance(
                ["run", "--filter", "accept-twice", "--baseline", "known.yaml", "--strict"], in: directory)
            #expect(strict.code == 1, "\(strict.output)")
            #expect(
                strict.stdout.contains("--strict fails the run on stale waiver accept-twice / ACCEPT-FAILED-BODY"),
                "\(strict.output)")
        }

        @Test func baselineFromARunOfErrorsSaysTheyCannotBeWaived() throws {
            let directory = try Executable.scratch()
            defer { try? FileManager.default.removeItem(at: directory) }
            // A target nobody listens on: exit 3, and the report still says every case is ERROR and why.
            try Executable.writeUnreachableProfile(in: directory)
            let run = try Executable.conformance(
                ["run", "--target", "down.yaml", "--filter", "accept-*", "--report", "json:run.json"], in: directory)
            #expect(run.code == 3, "\(run.output)")
            let baseline = try Executable.conformance(["baseline", "--from", "run.json"], in: directory)
            #expect(baseline.code == 0, "\(baseline.output)")
            #expect(baseline.stdout.contains("waivers: []"))
            #expect(baseline.stderr.contains("an ERROR cannot be waived"), "\(baseline.output)")
            let cases = try JSONDecoder().decode(
                RunResult.self, from: Data(contentsOf: directory.appendingPathComponent("run.json"))
            ).cases.count
            #expect(baseline.stderr.contains("\(cases) cases ERROR"), "\(baseline.output)")
        }
    }
}
