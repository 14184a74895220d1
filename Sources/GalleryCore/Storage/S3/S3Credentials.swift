/// The access key pair (and, for temporary credentials, the session token) that signs S3
/// requests. Printing it never shows the secret or the token.
public struct S3Credentials: Sendable, Equatable {
    /// The access key id, e.g. `AKIAIOSFODNN7EXAMPLE` (not secret: it names the key in logs).
    public var accessKeyId: String
    /// The secret access key: signs, is never sent or logged.
    public var secretAccessKey: String
    /// The session token of temporary credentials (sent as `x-amz-security-token`).
    public var sessionToken: String?

    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }

    /// The credentials of the usual `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and
    /// `AWS_SESSION_TOKEN` variables; nil unless both keys are set.
    public static func fromEnvironment(_ environment: [String: String]) -> S3Credentials? {
        guard let id = environment["AWS_ACCESS_KEY_ID"], !id.isEmpty, let secret = environment["AWS_SECRET_ACCESS_KEY"],
            !secret.isEmpty
        else { return nil }
        return S3Credentials(
            accessKeyId: id, secretAccessKey: secret, sessionToken: environment["AWS_SESSION_TOKEN"].flatMap { $0.isEmpty ? nil : $0 })
    }
}

extension S3Credentials: CustomStringConvertible, CustomDebugStringConvertible {
    /// The key id only.
    public var description: String {
        "S3Credentials(accessKeyId: \(accessKeyId), secretAccessKey: redacted, sessionToken: \(sessionToken == nil ? "unset" : "redacted"))"
    }

    public var debugDescription: String { description }
}
