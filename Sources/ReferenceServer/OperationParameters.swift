/// Reads and checks the parameters of an operation request body against the configuration.
struct OperationParameters: Sendable {
    var object: JSONObject
    var configuration: ReferenceServerConfiguration

    func string(_ name: String) throws(APIFailure) -> String {
        guard let value = object[name] else {
            throw .badRequest("Parameter '\(name)' is missing")
        }
        guard let string = value.stringValue else {
            throw .badRequest("Parameter '\(name)' must be a string")
        }
        return string
    }

    func object(_ name: String) throws(APIFailure) -> JSONObject {
        guard let value = object[name] else {
            throw .badRequest("Parameter '\(name)' is missing")
        }
        guard let object = value.objectValue else {
            throw .badRequest("Parameter '\(name)' must be a JSON object")
        }
        return object
    }

    func queue() throws(APIFailure) -> String {
        let queue = try string("queue")
        guard configuration.queues.contains(queue) else {
            throw .badRequest("Unknown queue '\(queue)'")
        }
        return queue
    }

    func workbin() throws(APIFailure) -> String {
        let workbin = try string("workbin")
        guard configuration.workbins.contains(workbin) else {
            throw .badRequest("Unknown workbin '\(workbin)'")
        }
        return workbin
    }

    /// `workbin` as a string or a non-empty array of strings (or only one of the two, as `workbin-form` says),
    /// each a configured workbin.
    func workbins() throws(APIFailure) -> [String] {
        guard let value = object["workbin"] else {
            throw .badRequest("Parameter 'workbin' is missing")
        }
        let readings = configuration.readings
        let names: [String]
        switch value {
        case .string where readings.follows(.workbinForm, "list"):
            throw .badRequest("Parameter 'workbin' must be a non-empty array of strings")
        case .array where readings.follows(.workbinForm, "string"):
            throw .badRequest("Parameter 'workbin' must be a string")
        case .string(let name):
            names = [name]
        case .array(let elements) where !elements.isEmpty:
            names = try elements.map { element throws(APIFailure) -> String in
                guard let name = element.stringValue else {
                    throw .badRequest("Parameter 'workbin' must hold only strings")
                }
                return name
            }
        default:
            if readings.follows(.workbinForm, "either") {
                throw .badRequest("Parameter 'workbin' must be a string or a non-empty array of strings")
            }
            if readings.follows(.workbinForm, "string") {
                throw .badRequest("Parameter 'workbin' must be a string")
            }
            if readings.follows(.workbinForm, "list") {
                throw .badRequest("Parameter 'workbin' must be a non-empty array of strings")
            }
            readings.unhandled(.workbinForm)
        }
        for name in names where !configuration.workbins.contains(name) {
            throw .badRequest("Unknown workbin '\(name)'")
        }
        var unique: [String] = []
        for name in names where !unique.contains(name) {
            unique.append(name)
        }
        return unique
    }

    func agent(_ name: String) throws(APIFailure) -> String {
        let id = try string(name)
        guard configuration.isAgent(id) else {
            throw .badRequest("Unknown agent '\(id)' in parameter '\(name)'")
        }
        return id
    }
}
