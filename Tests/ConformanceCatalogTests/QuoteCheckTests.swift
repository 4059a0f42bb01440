import Foundation
import TestSupport
import Testing

@testable import ConformanceCatalog
@testable import ConformanceReport

/// A requirement quoting `quote`, written in the document unless said otherwise.
private func requirement(
    _ id: String, quote: String, source: Requirement.Source = .document, paraphrase: Bool = false, line: Int? = nil
) -> Requirement {
    Requirement(
        id: id, level: .must, section: "S", quote: quote, source: source, isParaphrase: paraphrase, line: line)
}

/// A scratch catalog: three requirements (one per level), a document holding their quote, and one case that lists
/// all three in `requirements:` but whose only check cites R-MUST.
private let listedButNotAsserted: [String: String] = [
    "specs/requirements.yaml": """
    requirements:
      - {id: R-MUST, level: MUST, section: S, quote: Q}
      - {id: R-SHOULD, level: SHOULD, section: S, quote: Q}
      - {id: R-INFO, level: INFO, section: S, quote: Q}
    """,
    QuoteCheck.documentPath: "Q\n",
    "specs/operations/X.yaml": """
    operation: X
    cases:
      - id: x-one
        title: t
        requirements: [R-MUST, R-SHOULD, R-INFO]
        steps:
          - request: {as: agent1, path: /me/interactions}
            expect: [{status: 200, requirement: R-MUST}]
    """,
]

@Suite struct QuoteCheckTests {
    @Test func everyQuoteOfTheRealCatalogIsTheDocumentsWords() throws {
        let problems = try QuoteCheck.check(
            requirementsFile: (repositoryRoot as NSString).appendingPathComponent("specs/requirements.yaml"),
            documentFile: (repositoryRoot as NSString).appendingPathComponent(QuoteCheck.documentPath)
        )
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
    }

    @Test func theRealCatalogMarksItsOutsideQuotesAndParaphrases() throws {
        let requirements = try Catalog.loadRequirements(
            (repositoryRoot as NSString).appendingPathComponent("specs/requirements.yaml"))
        let byID = Dictionary(uniqueKeysWithValues: requirements.map { ($0.id, $0) })
        #expect(byID["ERROR-HTTP-4XX"]?.source == .external)
        #expect(byID["ERROR-NOT-5XX"]?.source == .external)
        #expect(byID["ERROR-NOT-5XX"]?.level == .must)
        #expect(byID["OPERATION-NAME-CASE"]?.isParaphrase == true)
        #expect(byID["OPERATION-NAME-CASE"]?.level == .info)
        #expect(byID["ACCEPT-ORDER"]?.isVerbatimDocumentQuote == true)
        #expect(byID["ACCEPT-ORDER"]?.level == .must)
        #expect(requirements.allSatisfy { $0.line != nil })
    }

    @Test func anErratumThatQuotesTheDocumentMustQuoteItVerbatim() {
        let document = "This is typically called when an Agent (**User**) has finished working on an interaction"
        var misquoting = requirement("R-ERRATUM", quote: "finished working", line: 7)
        misquoting.erratum =
            #"Copied ("This is typically called when an Agent has finished working"); "LeaveConference" and {"status": "ok"} are names and samples."#
        var verbatim = requirement("R-GOOD", quote: "finished working")
        verbatim.erratum = #"Copied ("This is typically called when an Agent (User) has finished working")."#
        let problems = QuoteCheck.problems(requirements: [misquoting, verbatim], document: document)
        #expect(problems.map(\.requirement) == ["R-ERRATUM"])
        #expect(problems.first?.inErratum == true)
        #expect(problems.first?.excerpt == "This is typically called when an Agent has finished working")
        #expect(problems.first?.description.contains("the erratum of R-ERRATUM quotes") == true)
    }

    @Test func aQuoteThatIsNotInTheDocumentIsReportedWithItsID() {
        let document = "Choosing this action will associate the Interaction to the agent."
        let problems = QuoteCheck.problems(
            requirements: [
                requirement("R-VERBATIM", quote: "Choosing this action will associate the Interaction to the agent."),
                requirement("R-INVENTED", quote: "Choosing this action makes the agent the owner.", line: 12),
            ],
            document: document
        )
        #expect(problems.map(\.requirement) == ["R-INVENTED"])
        #expect(problems.first?.line == 12)
        #expect(problems.first?.excerpt == "Choosing this action makes the agent the owner.")
        #expect(problems.first?.description.contains("paraphrase: true") == true)
    }

    @Test func theProblemNamesTheRequirementsFileAndLine() throws {
        let problems = try withScratchCatalog(files: [
            "specs/requirements.yaml": """
            requirements:
              - {id: R-GOOD, level: MUST, section: S, quote: "A successful request"}
              - id: R-BAD
                level: MUST
                section: S
                quote: "A successful request, with a comma"
            """,
            QuoteCheck.documentPath: "A successful request will result in an empty http-200 response.",
        ]) { root in
            try QuoteCheck.check(
                requirementsFile: (root as NSString).appendingPathComponent("specs/requirements.yaml"),
                documentFile: (root as NSString).appendingPathComponent(QuoteCheck.documentPath)
            )
        }
        #expect(problems.count == 1)
        #expect(problems.first?.file.hasSuffix("specs/requirements.yaml") == true)
        #expect(problems.first?.line == 3)
        #expect(problems.first?.message.contains("R-BAD") == true)
    }

    @Test func paraphrasesAndExternalQuotesAreNotChecked() {
        let problems = QuoteCheck.problems(
            requirements: [
                requirement("R-PARAPHRASE", quote: "Every sample writes operationName in one case.", paraphrase: true),
                requirement(
                    "R-RFC",
                    quote: "The 4xx (Client Error) class of status code indicates that the client seems to have erred.",
                    source: .external
                ),
                requirement("R-BOTH", quote: "Not in the document either.", source: .external, paraphrase: true),
            ],
            document: "Interactions API Operations"
        )
        #expect(problems.isEmpty)
    }

    @Test func anEllipsisJoinsExcerptsThatAreCheckedOneByOne() {
        let document = "Accept\tPOST\tThis operation can be performed after a new\tAgent\nOther text. The end."
        #expect(
            QuoteCheck.excerpts(of: "Accept … This operation … The end.") == ["Accept", "This operation", "The end."])
        let joined = requirement("R-JOINED", quote: "Accept … This operation can be performed after a new … The end.")
        let glued = requirement("R-GLUED", quote: "Accept This operation can be performed after a new The end.")
        let halfWrong = requirement("R-HALF", quote: "Accept … This operation must be performed")
        let problems = QuoteCheck.problems(requirements: [joined, glued, halfWrong], document: document)
        #expect(problems.map(\.requirement) == ["R-GLUED", "R-HALF"])
        #expect(problems.last?.excerpt == "This operation must be performed")
        let empty = QuoteCheck.problems(requirements: [requirement("R-EMPTY", quote: "Accept … ")], document: document)
        #expect(empty.map(\.excerpt) == [""])
    }

    @Test func whitespaceBoldAndBackticksAreNormalisedButCaseIsNot() {
        #expect(QuoteCheck.normalize("  a\t\tb \n\n **c**  `d` ") == "a b c d")
        let document = """
            In most cases, the true response will arrive on the cometd topic (channel) **/v2/me/interactions/**.

            A list of `InteractionStateMessages`;\tit will contain
            the same information
            """
        let problems = QuoteCheck.problems(
            requirements: [
                requirement("R-BOLD", quote: "the cometd topic (channel) /v2/me/interactions/."),
                requirement(
                    "R-TICKS", quote: "A list of InteractionStateMessages; it will contain the same information"),
                requirement("R-CASE", quote: "the CometD topic"),
            ],
            document: document
        )
        #expect(problems.map(\.requirement) == ["R-CASE"])
    }

    @Test func sourceAndParaphraseAreReadAndValidated() throws {
        let catalog = try withScratchCatalog(files: [
            "specs/requirements.yaml": """
            requirements:
              - {id: R-DOC, level: MUST, section: S, quote: Q}
              - {id: R-EXT, level: MUST, section: RFC 9110, quote: Q, source: external}
              - {id: R-PARA, level: INFO, section: S, quote: Q, paraphrase: true}
            """,
            "specs/operations/X.yaml": "operation: X\ncases: []\n",
        ]) { try Catalog.load(root: $0) }
        #expect(catalog.requirements.map(\.source) == [.document, .external, .document])
        #expect(catalog.requirements.map(\.isParaphrase) == [false, false, true])
        #expect(catalog.requirements.map(\.line) == [2, 3, 4])

        let badSource = try loadingError([
            "specs/requirements.yaml": "requirements:\n  - {id: R, level: MUST, section: S, quote: Q, source: rfc}\n",
            "specs/operations/X.yaml": "operation: X\ncases: []\n",
        ])
        #expect(badSource.line == 2)
        #expect(badSource.message.contains("document") && badSource.message.contains("external"))
        let badFlag = try loadingError([
            "specs/requirements.yaml":
                "requirements:\n  - {id: R, level: MUST, section: S, quote: Q, paraphrase: yes}\n",
            "specs/operations/X.yaml": "operation: X\ncases: []\n",
        ])
        #expect(badFlag.message.contains("paraphrase of requirement 'R' must be true or false"))
    }

    @Test func lintReportsAMissingDocument() throws {
        var files = listedButNotAsserted
        files[QuoteCheck.documentPath] = nil
        let lint = try withScratchCatalog(files: files) { try CatalogLint.run(root: $0) }
        #expect(lint.problems.count == 1)
        #expect(lint.problems.first?.file.hasSuffix(QuoteCheck.documentPath) == true)
        #expect(lint.problems.first?.message.contains("the API document is missing") == true)
        #expect(!lint.isClean)
    }

    @Test func lintFailsOnAQuoteThatIsNotTheDocumentsWords() throws {
        var files = listedButNotAsserted
        files[QuoteCheck.documentPath] = "Something else entirely.\n"
        let lint = try withScratchCatalog(files: files) { try CatalogLint.run(root: $0) }
        #expect(lint.problems.count == 3)
        #expect(lint.problems.allSatisfy { $0.file.hasSuffix("specs/requirements.yaml") })
        #expect(lint.problems.map(\.line) == [2, 3, 4])
        #expect(lint.problems.first?.message.contains("R-MUST") == true)
        #expect(!lint.isClean)
    }

    @Test func coverageCountsAssertionsNotRequirementsLists() throws {
        let lint = try withScratchCatalog(files: listedButNotAsserted) { try CatalogLint.run(root: $0) }
        #expect(lint.problems.isEmpty)
        let byLevel = Dictionary(uniqueKeysWithValues: lint.coverage.map { ($0.level, $0) })
        #expect(byLevel[.must]?.asserted == ["R-MUST"])
        #expect(byLevel[.should]?.notAsserted == ["R-SHOULD"])
        #expect(byLevel[.info]?.notAsserted == ["R-INFO"])
        #expect(!lint.isClean, "a SHOULD requirement no step asserts fails the lint")
        #expect(lint.coverageLines.contains("    not asserted: R-SHOULD"))
        #expect(lint.coverageLines.contains("    not asserted (observed only / not testable): R-INFO"))
    }

    @Test func anINFORequirementNoStepAssertsIsListedButDoesNotFailTheLint() throws {
        var files = listedButNotAsserted
        files["specs/operations/X.yaml"] = """
            operation: X
            cases:
              - id: x-one
                title: t
                requirements: [R-INFO]
                steps:
                  - request: {as: agent1, path: /me/interactions}
                    expect: [{status: 200, requirement: R-MUST}]
              - id: x-two
                title: t
                given:
                  - notification: {agent: agent1, match: {id: x}, requirement: R-SHOULD}
                steps:
                  - request: {as: agent1, path: /me/interactions}
                    expect: [{status: 200, requirement: R-MUST}]
            """
        let lint = try withScratchCatalog(files: files) { try CatalogLint.run(root: $0) }
        #expect(lint.coverage.first { $0.level == .should }?.asserted == ["R-SHOULD"])
        #expect(lint.coverage.first { $0.level == .info }?.notAsserted == ["R-INFO"])
        #expect(lint.isClean)
    }

    @Test func theRealCatalogsDocumentLevelErrataAreNotAsserted() throws {
        let catalog = try Catalog.load(root: repositoryRoot)
        let info = try #require(CatalogLint.coverage(of: catalog).first { $0.level == .info })
        for id in ["ACCEPT-UNDEFINED-ACTIONS", "STARTCONFERENCE-SHOWS-LEFT", "MEDIA-TYPE-VARIES"] {
            #expect(info.notAsserted.contains(id), "\(id) is only listed by cases, never asserted")
        }
    }
}
