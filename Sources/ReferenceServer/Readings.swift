/// The alternative the server follows for every ``Reading``: the default unless told otherwise.
///
/// Readings are independent of each other, of the deviations and of the variant: any combination is a server the
/// suite must pass.
public struct Readings: Sendable, Hashable {
    public var successBody = SuccessBody.standard
    public var refusalStatus = RefusalStatus.standard
    public var notificationChannel = NotificationChannel.standard
    public var invitedState = InvitedState.standard
    public var handledIncludesInvited = HandledIncludesInvited.standard
    public var conferenceInvitee = ConferenceInvitee.standard
    public var conferenceInvitedRecipient = ConferenceInvitedRecipient.standard
    public var transferOwnership = TransferOwnership.standard
    public var leaveConferenceAlias = LeaveConferenceAlias.standard
    public var endConferenceAgent = EndConferenceAgent.standard
    public var getWorkbinContentId = GetWorkbinContentId.standard
    public var workbinForm = WorkbinForm.standard
    public var firstConnect = FirstConnect.standard
    public var putBody = PutBody.standard
    public var adminGet = AdminGet.standard
    public var operationNameCase = OperationNameCase.standard
    public var rejectRecipient = RejectRecipient.standard

    /// Every reading at its default.
    public init() {}

    /// The readings `assignments` (each `NAME=ALTERNATIVE`) select, the others at their default.
    ///
    /// The same reading may be given twice only with the same alternative.
    public init(parsing assignments: [String]) throws(ReadingError) {
        var given: [Reading: String] = [:]
        for assignment in assignments {
            let (reading, alternative) = try Self.assignment(assignment)
            if let earlier = given[reading], earlier != alternative {
                throw .conflicting(reading: reading, alternatives: [earlier, alternative])
            }
            given[reading] = alternative
            try select(alternative, for: reading)
        }
    }

    /// The reading and alternative named by `NAME=ALTERNATIVE` (spaces around either are ignored).
    public static func assignment(_ text: String) throws(ReadingError) -> (reading: Reading, alternative: String) {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let name = trimmed(parts[0])
        guard parts.count == 2, !name.isEmpty else {
            throw .malformed(text)
        }
        guard let reading = Reading(rawValue: name) else {
            throw .unknownReading(name)
        }
        let alternative = trimmed(parts[1])
        guard reading.alternatives.contains(where: { $0.name == alternative }) else {
            throw .unknownAlternative(reading: reading, alternative: alternative)
        }
        return (reading, alternative)
    }

    /// The name of the alternative followed for `reading`.
    public subscript(reading: Reading) -> String {
        switch reading {
        case .successBody: successBody.rawValue
        case .refusalStatus: refusalStatus.rawValue
        case .notificationChannel: notificationChannel.rawValue
        case .invitedState: invitedState.rawValue
        case .handledIncludesInvited: handledIncludesInvited.rawValue
        case .conferenceInvitee: conferenceInvitee.rawValue
        case .conferenceInvitedRecipient: conferenceInvitedRecipient.rawValue
        case .transferOwnership: transferOwnership.rawValue
        case .leaveConferenceAlias: leaveConferenceAlias.rawValue
        case .endConferenceAgent: endConferenceAgent.rawValue
        case .getWorkbinContentId: getWorkbinContentId.rawValue
        case .workbinForm: workbinForm.rawValue
        case .firstConnect: firstConnect.rawValue
        case .putBody: putBody.rawValue
        case .adminGet: adminGet.rawValue
        case .operationNameCase: operationNameCase.rawValue
        case .rejectRecipient: rejectRecipient.rawValue
        }
    }

    /// Follows the alternative named `alternative` for `reading`.
    public mutating func select(_ alternative: String, for reading: Reading) throws(ReadingError) {
        switch reading {
        case .successBody: successBody = try .named(alternative)
        case .refusalStatus: refusalStatus = try .named(alternative)
        case .notificationChannel: notificationChannel = try .named(alternative)
        case .invitedState: invitedState = try .named(alternative)
        case .handledIncludesInvited: handledIncludesInvited = try .named(alternative)
        case .conferenceInvitee: conferenceInvitee = try .named(alternative)
        case .conferenceInvitedRecipient: conferenceInvitedRecipient = try .named(alternative)
        case .transferOwnership: transferOwnership = try .named(alternative)
        case .leaveConferenceAlias: leaveConferenceAlias = try .named(alternative)
        case .endConferenceAgent: endConferenceAgent = try .named(alternative)
        case .getWorkbinContentId: getWorkbinContentId = try .named(alternative)
        case .workbinForm: workbinForm = try .named(alternative)
        case .firstConnect: firstConnect = try .named(alternative)
        case .putBody: putBody = try .named(alternative)
        case .adminGet: adminGet = try .named(alternative)
        case .operationNameCase: operationNameCase = try .named(alternative)
        case .rejectRecipient: rejectRecipient = try .named(alternative)
        }
    }

    /// The readings not at their default, as `NAME=ALTERNATIVE` in the order of ``Reading/allCases``.
    public var nonDefault: [String] {
        Reading.allCases.filter { self[$0] != $0.defaultAlternative }.map { "\($0.rawValue)=\(self[$0])" }
    }

    private static func trimmed(_ text: Substring) -> String {
        String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
