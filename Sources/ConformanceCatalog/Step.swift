import ConformanceJSON
import ConformanceReport

/// One thing a case does or expects.
public enum Step: Sendable {
    /// Asks the target (through the fixture contract) for a new interaction routed to an agent.
    case createInteraction(CreateInteractionStep)
    /// Sends one HTTP request and checks the answer.
    case request(RequestStep)
    /// Waits for a notification one of the agents must receive.
    case notification(NotificationExpectation)
    /// Watches that an agent does not receive a notification.
    case noNotification(NotificationExpectation)

    /// The profile roles the step involves.
    public var roles: [String] {
        switch self {
        case .createInteraction(let step): [step.agent]
        case .request(let step): step.request.credentials.role.map { [$0] } ?? []
        case .notification(let expectation), .noNotification(let expectation): expectation.agents
        }
    }

    /// The requirements the step cites.
    public var requirements: [String] {
        switch self {
        case .createInteraction: []
        case .request(let step):
            (step.checks + step.alternatives.flatMap { $0.checks ?? [] })
                .flatMap { [$0.requirement] + $0.alternatives.compactMap(\.requirement) }
                + step.alternatives.compactMap(\.deviation?.requirement)
        case .notification(let expectation), .noNotification(let expectation):
            [expectation.requirement] + expectation.alternatives.compactMap(\.requirement)
        }
    }

    /// The line of the catalog where the step is written.
    public var line: Int? {
        switch self {
        case .createInteraction(let step): step.line
        case .request(let step): step.line
        case .notification(let expectation), .noNotification(let expectation): expectation.line
        }
    }
}

/// `createInteraction: {agent: agent1, mediaType: email, properties: {...}, as: ix}`.
public struct CreateInteractionStep: Sendable {
    public var agent: String
    /// A template; defaults to the profile's first media type.
    public var mediaType: String?
    public var properties: JSONValue
    /// The variable prefix: the new id becomes `${as.id}`.
    public var bindAs: String
    public var line: Int?
}

/// Who a request is sent as.
public enum Credentials: Sendable, Hashable {
    /// A profile role with its password.
    case role(String)
    /// A profile role's username with a wrong password.
    case wrongPassword(String)
    /// No `Authorization` header.
    case none

    public var role: String? {
        switch self {
        case .role(let role), .wrongPassword(let role): role
        case .none: nil
        }
    }
}

/// An HTTP request with `${...}` templates in its path and body.
public struct RequestTemplate: Sendable {
    public var credentials: Credentials
    public var method: String
    /// Appended to the profile's `baseURL`; may carry a query.
    public var path: String
    /// A JSON body (templated), sent compact.
    public var body: JSONValue?
    /// A body sent as written, for malformed-input cases.
    public var rawBody: String?
}

/// A request, the checks on its answer, and what to remember from it.
public struct RequestStep: Sendable {
    public var request: RequestTemplate
    public var checks: [Check]
    /// Variables to bind from the answer body: name to pointer.
    public var captures: [(name: String, pointer: JSONPointer)]
    /// How many more times to send the same request while its checks fail (for a raw Bayeux `/meta/connect`,
    /// whose one reply may carry other messages first); deviations come from the last attempt.
    public var retries: Int = 0
    /// Waits only as long as a notification is awaited (a raw Bayeux `/meta/connect` that a server may hold),
    /// instead of the request deadline.
    public var notificationDeadline = false
    /// The reading alternative the target follows when `checks` hold.
    public var observes: Observation?
    /// Other answers the catalog allows, tried in order when `checks` do not hold: the first that holds is what
    /// the target follows; the step passes, unless that alternative reports a deviation.
    public var alternatives: [StepAlternative] = []
    public var line: Int?
}

extension RequestStep {
    /// Whether the catalog allows the target to refuse this request, in its checks, their alternatives or an
    /// alternative: a `refused: true` check, or a status that only a refusal has (401, 403, 4xx).
    public var mayBeRefused: Bool {
        Self.allowRefusal((checks + alternatives.flatMap { $0.checks ?? [] }).flatMap(\.allKinds))
    }

    /// Whether the step's own checks (not only an alternative of it) expect a refusal.
    public var expectsRefusal: Bool {
        Self.allowRefusal(checks.flatMap(\.allKinds))
    }

    private static func allowRefusal(_ kinds: [CheckKind]) -> Bool {
        kinds.contains { kind in
            switch kind {
            case .refused(let wanted): wanted
            case .status(.family(let family)): family == 4
            case .status(.exactly(let codes)): !codes.isEmpty && codes.allSatisfy { $0 / 100 == 4 }
            default: false
            }
        }
    }
}

extension Check {
    /// The check's kind and the kinds of its alternatives.
    public var allKinds: [CheckKind] { [kind] + alternatives.compactMap(\.kind) }
}

/// Another answer a request step allows (`alternatives:`): the same answer judged by other checks, or another
/// request sent (`send:`) and judged. One that reports a deviation (`deviation:`) is how a target that gets the
/// operation right only another way is failed with a message that says so (EndConference under the sample's name).
public struct StepAlternative: Sendable {
    /// The reading alternative it shows; nil for an outcome the document allows that tells no reading apart.
    public var observes: Observation?
    /// The NOTE when it is what the target does; nil: the title of the reading it `observes`.
    public var note: String?
    /// Members sent instead of the step body's own (a new request); nil: the step's answer is judged again.
    public var body: JSONValue?
    /// Sent to instead of the step's path (a new request, with the step's body unless `body` is given).
    public var path: String?
    /// Judged instead of the step's checks; nil: the step's checks.
    public var checks: [Check]?
    /// Reported when this is what holds: the target does what the step asks only this other way.
    public var deviation: AlternativeDeviation?
    public var line: Int?

    public init(
        observes: Observation? = nil, note: String? = nil, body: JSONValue? = nil, path: String? = nil,
        checks: [Check]? = nil, deviation: AlternativeDeviation? = nil, line: Int? = nil
    ) {
        self.observes = observes
        self.note = note
        self.body = body
        self.path = path
        self.checks = checks
        self.deviation = deviation
        self.line = line
    }

    /// Whether it sends another request rather than judging the step's answer again.
    public var sends: Bool { body != nil || path != nil }
}

/// The deviation an alternative reports when it is what holds.
public struct AlternativeDeviation: Sendable {
    public var requirement: String
    /// The deviation's message, in words.
    public var message: String

    public init(requirement: String, message: String) {
        self.requirement = requirement
        self.message = message
    }
}

/// One expectation on an HTTP answer, tied to the requirement it checks.
public struct Check: Sendable {
    public var kind: CheckKind
    public var requirement: String
    /// Other answers the document also allows (errata): they pass with a NOTE.
    public var alternatives: [CheckAlternative]
    /// The reading alternative the target follows when the check holds.
    public var observes: Observation?
    public var line: Int?
}

/// What a check compares.
public enum CheckKind: Sendable {
    case status(StatusExpectation)
    /// The body matches a pattern, written inline or in a golden file (`source` names it).
    case body(pattern: JSONValue, source: String?)
    /// The body is empty.
    case emptyBody
    /// The raw answer (headers and body) repeats none of a role's secrets: its password, the wrong password the
    /// suite sends, or either Basic credential.
    case excludesSecretsOf(String)
    /// With true, the request was refused: a 4xx status, or the documented error body (`"status":"error"`) with
    /// any status, since the document gives no status for a failure. With false, it was not refused.
    case refused(Bool)
}

/// The HTTP status codes a check accepts.
public enum StatusExpectation: Sendable, Hashable, CustomStringConvertible {
    case exactly([Int])
    /// A class such as 4 for `4xx`.
    case family(Int)
    /// Any status outside a class (`!5xx`).
    case notFamily(Int)

    public func admits(_ status: Int) -> Bool {
        switch self {
        case .exactly(let codes): codes.contains(status)
        case .family(let family): status / 100 == family
        case .notFamily(let family): status / 100 != family
        }
    }

    public var description: String {
        switch self {
        case .exactly(let codes): codes.map(String.init).joined(separator: " or ")
        case .family(let family): "\(family)xx"
        case .notFamily(let family): "any status but \(family)xx"
        }
    }
}

/// Another answer a check or a notification expectation allows (its `alternatives:`); when it is what the target
/// does, the case gets a NOTE.
public struct CheckAlternative: Sendable {
    public var kind: CheckKind?
    /// For a notification's alternative: the other match.
    public var match: JSONValue?
    /// For a notification's alternative: who may receive it instead (default: the expectation's agents).
    public var agents: [String]?
    /// The requirement whose erratum allows it (quoted in the report).
    public var requirement: String?
    public var note: String
    /// The reading alternative the target follows when this is what it does.
    public var observes: Observation?
}

/// A notification that must (or must not) reach one of the given agents.
public struct NotificationExpectation: Sendable {
    /// Any one of these agents may receive it (for `noNotification`: none of them may).
    public var agents: [String]
    /// The expected `data`, with matchers and `${...}` templates.
    public var match: JSONValue
    public var requirement: String
    public var alternatives: [CheckAlternative]
    /// The reading alternative the target follows when the expected notification arrives.
    public var observes: Observation?
    /// For `noNotification`: only messages after the last step that can cause notifications count (an order
    /// check: nothing matching may come after that step), instead of every message since the case began.
    public var sinceStep: Bool = false
    public var line: Int?
}
