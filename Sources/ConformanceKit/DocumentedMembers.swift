import ConformanceJSON

/// The member names the document (or the Bayeux protocol it relies on) names, so that the INFO line about members
/// "the document does not name" lists only members it really does not name.
package enum DocumentedMembers {
    /// Members of the document's samples and tables.
    package static let document: Set<String> = [
        "status", "errorDescription", "statusCode", "interactions", "uris", "messageTypeName", "id", "state",
        "operationName", "queue", "properties", "workbin", "targetId", "agentId",
    ]
    /// Members of Bayeux 1.0 messages (section 3 of that protocol).
    package static let bayeux: Set<String> = [
        "channel", "version", "minimumVersion", "supportedConnectionTypes", "clientId", "advice", "connectionType",
        "successful", "subscription", "data", "error", "ext", "timestamp", "authSuccessful",
    ]

    /// The pointers whose last member name neither the document nor Bayeux names.
    package static func undocumented(_ pointers: [JSONPointer]) -> [JSONPointer] {
        pointers.filter { pointer in
            guard let name = pointer.tokens.last else { return true }
            return !document.contains(name) && !bayeux.contains(name)
        }
    }
}
