import Crypto
import Foundation
import NIOSSL
import SwiftASN1
import X509

/// A certificate authority made at start, as a vendor's lab has one, and the server certificate it signs for the
/// loopback host: what `conformance serve --tls` serves, and the CA file a profile's `tls.caFile` names.
public struct LabCertificates: Sendable {
    /// The CA certificate, PEM: what a client must trust.
    public var authorityPEM: String
    /// The server certificate, PEM, for `127.0.0.1`, `::1` and `localhost`.
    public var serverPEM: String
    /// The server's private key, PEM (PKCS #8).
    public var serverKeyPEM: String
    /// A client certificate the CA signed, PEM, and its key: what a profile's `tls.clientCertificate` and
    /// `tls.clientKey` name when the server requires one.
    public var clientPEM: String
    public var clientKeyPEM: String
    /// Refuse a TLS connection that presents no certificate the CA signed (mutual TLS).
    public var requiresClientCertificate = false

    /// Makes a fresh CA, and a server and a client certificate it signs, valid from an hour ago for 30 days.
    public static func make(hosts: [String] = ["127.0.0.1", "::1", "localhost"]) throws -> LabCertificates {
        let authorityKey = P256.Signing.PrivateKey()
        let authorityName = try DistinguishedName {
            OrganizationName("GWS Interactions conformance suite")
            CommonName("Conformance lab CA \(RandomIdentifier.make(length: 8))")
        }
        let sign = { (key: P256.Signing.PrivateKey, subject: DistinguishedName, extensions: Certificate.Extensions) in
            try Self.certificate(
                for: key, subject: subject, extensions: extensions, issuer: authorityName, authorityKey)
        }
        let authority = try sign(
            authorityKey, authorityName,
            try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
            })
        let names = hosts.map { host -> GeneralName in
            if let address = Self.addressBytes(host) { return .ipAddress(ASN1OctetString(contentBytes: address[...])) }
            return .dnsName(host)
        }
        let serverKey = P256.Signing.PrivateKey()
        let server = try sign(
            serverKey, try DistinguishedName { CommonName(hosts.first ?? "localhost") },
            try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames(names)
            })
        let clientKey = P256.Signing.PrivateKey()
        let client = try sign(
            clientKey, try DistinguishedName { CommonName("conformance suite") },
            try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.clientAuth])
            })
        return LabCertificates(
            authorityPEM: try authority.serializeAsPEM().pemString,
            serverPEM: try server.serializeAsPEM().pemString,
            serverKeyPEM: serverKey.pemRepresentation,
            clientPEM: try client.serializeAsPEM().pemString,
            clientKeyPEM: clientKey.pemRepresentation
        )
    }

    /// A certificate for `key`, signed by the CA, valid from an hour ago for 30 days.
    private static func certificate(
        for key: P256.Signing.PrivateKey,
        subject: DistinguishedName,
        extensions: Certificate.Extensions,
        issuer: DistinguishedName,
        _ issuerKey: P256.Signing.PrivateKey
    ) throws -> Certificate {
        let now = Date()
        return try Certificate(
            version: .v3,
            serialNumber: Certificate.SerialNumber(),
            publicKey: Certificate.PublicKey(key.publicKey),
            notValidBefore: now.addingTimeInterval(-3600),
            notValidAfter: now.addingTimeInterval(30 * 86_400),
            issuer: issuer,
            subject: subject,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: extensions,
            issuerPrivateKey: Certificate.PrivateKey(issuerKey)
        )
    }

    /// The TLS settings of a server presenting the server certificate.
    func serverConfiguration() throws -> TLSConfiguration {
        let certificate = try NIOSSLCertificate(bytes: Array(serverPEM.utf8), format: .pem)
        let key = try NIOSSLPrivateKey(bytes: Array(serverKeyPEM.utf8), format: .pem)
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: [.certificate(certificate)], privateKey: .privateKey(key))
        if requiresClientCertificate {
            configuration.certificateVerification = .noHostnameVerification
            configuration.trustRoots = .certificates([
                try NIOSSLCertificate(bytes: Array(authorityPEM.utf8), format: .pem)
            ])
        }
        return configuration
    }

    /// The bytes of an IPv4 or IPv6 address, nil for a host name.
    static func addressBytes(_ host: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, host, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, host, &v6) == 1 { return withUnsafeBytes(of: &v6) { Array($0) } }
        return nil
    }
}
