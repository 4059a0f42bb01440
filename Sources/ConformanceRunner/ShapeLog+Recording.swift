import Bayeux
import ConformanceJSON
import ConformanceKit
import ConformanceReport

extension ShapeLog {
    /// Records the answer to a request. `pathTemplate` is the catalog's path (`/me/interactions/${ix.id}`): its
    /// `${...}` placeholders become `{id}`, `{workbin}`, ..., so every interaction shares one shape.
    mutating func recordAnswer(
        method: String, pathTemplate: String, operationName: String?, answer: HTTPAnswer, caseID: String
    ) {
        let name =
            "\(method) \(Self.placeholders(pathTemplate))\(operationName.map { " " + $0 } ?? "") → \(answer.status / 100)xx"
        let key = Key(kind: .answer, name: name)
        if answer.bodyIsEmpty {
            add(["": ["empty"]], to: key, caseID: caseID)
        } else if case .success(let json) = answer.json {
            add(Self.members(of: json), to: key, caseID: caseID)
        } else {
            add(["": ["not JSON"]], to: key, caseID: caseID)
        }
    }

    /// Records a notification under its `messageTypeName` and channel.
    mutating func recordNotification(_ notification: ReceivedNotification, caseID: String?) {
        let type = notification.data["messageTypeName"]?.stringValue ?? "(no messageTypeName)"
        let key = Key(kind: .notification, name: "\(type) on \(notification.channel)")
        add(Self.members(of: notification.data), to: key, caseID: caseID)
    }
}
