import Foundation

extension TargetProfile {
    /// How to talk TLS to the target (`tls:`): whom to trust, and the client certificate to present.
    public struct TLS: Sendable, Hashable {
        /// A PEM file read at load time, with the path it came from (for messages).
        public struct PEMFile: Sendable, Hashable {
            public var path: String
            public var pem: String

            public init(path: String, pem: String) {
                self.path = path
                self.pem = pem
            }
        }

        /// The lab CA's certificates (trusted besides the system's roots).
        public var caFile: PEMFile?
        public var clientCertificate: PEMFile?
        public var clientKey: PEMFile?
        /// Accept any certificate: every run and report says so.
        public var insecure = false

        public init(
            caFile: PEMFile? = nil, clientCertificate: PEMFile? = nil, clientKey: PEMFile? = nil, insecure: Bool = false
        ) {
            self.caFile = caFile
            self.clientCertificate = clientCertificate
            self.clientKey = clientKey
            self.insecure = insecure
        }

        /// The warning every run and report carries when certificates are not checked.
        public static let insecureWarning =
            "tls.insecure is true: the target's certificate is not checked, so the suite cannot tell it is talking to "
            + "the server it certifies"
    }

    /// What weakens the verdicts of a run with this profile; every run and report says it.
    public var warnings: [String]? {
        tls?.insecure == true ? [TLS.insecureWarning] : nil
    }

    static func tls(_ node: YAMLValue, profileFile: String) throws(InputFileError) -> TLS {
        let fields = try node.mapping("tls")
        try fields.rejectUnknownFields(["caFile", "clientCertificate", "clientKey", "insecure"])
        var tls = TLS()
        tls.caFile = try fields["caFile"].map { node throws(InputFileError) in
            try pemFile(node, field: "tls.caFile", marker: "CERTIFICATE", profileFile: profileFile)
        }
        tls.clientCertificate = try fields["clientCertificate"].map { node throws(InputFileError) in
            try pemFile(node, field: "tls.clientCertificate", marker: "CERTIFICATE", profileFile: profileFile)
        }
        tls.clientKey = try fields["clientKey"].map { node throws(InputFileError) in
            try pemFile(node, field: "tls.clientKey", marker: "PRIVATE KEY", profileFile: profileFile)
        }
        if let insecure = fields["insecure"] { tls.insecure = try insecure.boolean("tls.insecure") }
        if (tls.clientCertificate == nil) != (tls.clientKey == nil) {
            throw node.error("tls.clientCertificate and tls.clientKey go together; give both or neither")
        }
        return tls
    }

    /// Reads a PEM file named relative to the profile's directory; it must hold a block of `marker`.
    private static func pemFile(_ node: YAMLValue, field: String, marker: String, profileFile: String)
        throws(InputFileError) -> TLS.PEMFile
    {
        let given = try node.string(field)
        let directory = URL(fileURLWithPath: profileFile).deletingLastPathComponent()
        let path = given.hasPrefix("/") ? given : directory.appendingPathComponent(given).path
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw node.error("\(field) '\(given)' cannot be read (\(path)): \(error.localizedDescription)")
        }
        guard text.contains("-----BEGIN ") && text.contains(marker) else {
            throw node.error("\(field) '\(given)' holds no PEM \(marker) block (-----BEGIN ...)")
        }
        return TLS.PEMFile(path: path, pem: text)
    }

    static func proxy(_ node: YAMLValue) throws(InputFileError) -> String {
        let text = try node.string("proxy")
        guard let url = URL(string: text), url.scheme == "http", url.host != nil else {
            throw node.error("proxy '\(text)' is not an http:// URL of a proxy, like http://proxy.lab:3128")
        }
        return text
    }
}
