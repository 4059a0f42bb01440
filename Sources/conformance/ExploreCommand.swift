import ArgumentParser
import AsyncHTTPClient
import ConformanceKit
import ConformanceReport
import EmbeddedTarget
import Foundation

/// `conformance explore`: sequences no case was written for, judged by a model of the document.
struct ExploreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Explore generated sequences of operations and judge every answer against a model of the document.",
        discussion: """
            Each sequence resets the target, routes one interaction to agent1 and sends STEPS random operations \
            by the profile's first three agents (valid and invalid: wrong agent, wrong state, missing or unknown \
            parameters) and GETs of /me/interactions. A model written from the document alone says which answers \
            (done or refused, listed or not) it allows; where the document is open, every reading passes, and the \
            first one the target shows is kept for the rest of the run. A deviation is shrunk to the fewest steps \
            that still show it and written as an operation file of the catalog, ready to review and add. The same \
            seed explores the same sequences. This version explores the embedded reference server and judges \
            answers and listings, not notifications. Exit 0 without findings, 1 with findings.

            Examples:
              conformance explore --seed 7
              conformance explore --deviate accept-twice --sequences 200 --out found/
            """
    )

    @Option(name: .long, help: "Seed of the sequences; the same seed explores the same sequences.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "How many sequences to run.")
    var sequences = 500

    @Option(name: .long, help: "Steps per sequence.")
    var steps = 8

    @Option(name: .long, help: "Directory for the shrunk cases, one operation file per finding.")
    var out = "explore-cases"

    @Option(name: .long, help: "Write the result as JSON to this file: json:PATH.")
    var report: String?

    @OptionGroup(title: "The embedded reference server") var embedded: EmbeddedServerOptions

    func validate() throws {
        guard (1...100_000).contains(sequences) else { throw ValidationError("--sequences must be 1 to 100000") }
        guard (1...50).contains(steps) else { throw ValidationError("--steps must be 1 to 50") }
        if let report, !report.hasPrefix("json:") || report.count <= 5 {
            throw ValidationError("--report '\(report)' is not json:PATH")
        }
    }

    func run() async throws {
        let httpClient = HTTPClient(
            eventLoopGroupProvider: .singleton, configuration: TargetClient.httpClientConfiguration)
        let options = Exploration.Options(seed: seed, sequences: sequences, steps: steps)
        let result: Exploration.Result
        do {
            result = try await EmbeddedTarget.withServer(embedded.options) { profile in
                let client = TargetClient(httpClient: httpClient, timeout: profile.timeouts.request)
                return try await Exploration.run(Explorer(profile: profile, client: client), options: options) {
                    done, total, found in
                    guard done % 10 == 0 || done == total else { return }
                    FileHandle.standardError.write(
                        Data("\r[explore] \(done)/\(total) sequences, \(found) finding\(found == 1 ? "" : "s")".utf8))
                }
            }
            FileHandle.standardError.write(Data("\n".utf8))
            try? await httpClient.shutdown()
        } catch {
            try? await httpClient.shutdown()
            throw CommandFailure("explore could not run: \(error)", code: 1)
        }
        try write(result)
        if !result.findings.isEmpty { throw ExitCode(ExitStatus.deviations) }
    }

    func write(_ result: Exploration.Result) throws {
        let perThousand = result.stepsRun == 0 ? 0 : result.durationMs * 1000 / result.stepsRun
        print(
            "Explored \(result.sequences) sequences of \(result.stepsPerSequence) steps (seed \(result.seed)): "
                + "\(result.stepsRun) steps in \(result.durationMs) ms (\(perThousand) ms per 1,000 steps).")
        if !result.readings.isEmpty {
            print(
                "Readings the target showed: "
                    + result.readings.sorted { $0.key < $1.key }.map { "\($0)=\($1)" }
                    .joined(separator: ", "))
        }
        for finding in result.findings {
            let path = (out as NSString).appendingPathComponent(
                "\(finding.requirement.lowercased())-seed\(result.seed)-\(finding.sequence).yaml")
            do {
                try ReportRegistry<ReportWriter.Format, RunResult>.save(Data(finding.caseYAML.utf8), to: path)
            } catch {
                throw CommandFailure("cannot write \(path): \(error.localizedDescription)", code: ExitStatus.usage)
            }
            print("")
            print("FINDING \(finding.requirement): \(finding.message)")
            print(
                "  shrunk from \(finding.originalSteps) to \(finding.steps.count) steps (sequence \(finding.sequence)):"
            )
            for (index, step) in finding.steps.enumerated() { print("    \(index + 1). \(step)") }
            print("  case written to \(path)")
        }
        print(result.findings.isEmpty ? "\nNo findings." : "\n\(result.findings.count) finding(s).")
        if let report {
            let path = String(report.dropFirst(5))
            do {
                let data = try JSONRenderer<Exploration.Result>().render(result)
                try ReportRegistry<ReportWriter.Format, RunResult>.save(data, to: path)
            } catch {
                throw CommandFailure("cannot write \(path): \(error.localizedDescription)", code: ExitStatus.usage)
            }
        }
    }
}
