/// A notification the document requires after an operation: one of `recipients` must receive it on its channel.
/// The explorer turns it into a matcher of the catalog's kind and waits for it.
public struct Notice: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// An InteractionStateMessage of the interaction with this state (`InvitedConference`, `LeftConference`).
        case state(String)
        /// The content of a workbin, as GetWorkbinContent sends it.
        case workbinContent
        /// Workbin content that lists the interaction (it was placed there and nothing has moved it since).
        case workbinListing
        /// An InteractionStateMessage of the interaction in any state (a transfer's target is told).
        case stateMessage
        /// An InteractionStateMessage of the interaction in another state than its invitation's (Accept's "true
        /// response").
        case afterInvitation
        /// A message of the interaction in its invitation's state: with `forbidden`, none may arrive after the
        /// step (ACCEPT-ORDER), unless a later step may invite the agent again.
        case invitation
    }

    /// None of these may arrive after the step, instead of one that must.
    public var forbidden = false
    /// A forbidden notification counts only once a message of this kind has arrived after the step (ACCEPT-ORDER:
    /// an invitation after Accept's own notification; a copy before it is a repeated invitation, NOTIFY-ONCE).
    public var after: Kind?

    public var recipients: Set<String>
    public var kind: Kind
    public var requirement: String
    /// The reading the recipient tells apart, and the alternative each recipient stands for.
    public var reading: String?
    public var alternatives: [String: String] = [:]

    public init(
        _ kind: Kind, to recipients: Set<String>, requirement: String, reading: String? = nil,
        alternatives: [String: String] = [:], forbidden: Bool = false, after: Kind? = nil
    ) {
        self.forbidden = forbidden
        self.after = after
        self.recipients = recipients
        self.kind = kind
        self.requirement = requirement
        self.reading = reading
        self.alternatives = alternatives
    }

    public var description: String {
        let whom = recipients.sorted().joined(separator: " or ")
        switch kind {
        case .state(let state): return "\(whom) must receive the interaction's state \(state) [\(requirement)]"
        case .workbinContent: return "\(whom) must receive the workbin's content [\(requirement)]"
        case .workbinListing: return "\(whom) must receive workbin content listing the interaction [\(requirement)]"
        case .stateMessage: return "\(whom) must receive a message of the interaction's state [\(requirement)]"
        case .afterInvitation:
            return "\(whom) must receive the interaction's state after its invitation [\(requirement)]"
        case .invitation:
            return forbidden
                ? "\(whom) must receive no other invitation to the interaction [\(requirement)]"
                : "\(whom) must receive the interaction's invitation [\(requirement)]"
        }
    }
}
