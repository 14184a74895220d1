import Foundation

/// Problems with API tokens that the caller can fix.
public enum TokenError: Error, Equatable, CustomStringConvertible {
    /// The user has no token with this id (or it was revoked).
    case notFound(Int64)
    /// No user has this id.
    case unknownUser(Int64)
    /// A token name must be 1 to 100 characters without control characters.
    case invalidName(String)
    /// An expiry must be 1 to ``maxDays`` days.
    case invalidExpiry(Int)

    /// The longest lifetime a token may be given, in days (ten years).
    public static let maxDays = 3650
    /// The name of a token created without one.
    public static let defaultName = "token"

    public var description: String {
        switch self {
        case .notFound(let id): "no token \(id)"
        case .unknownUser(let id): "no user \(id)"
        case .invalidName(let name): "a token name must be 1 to 100 characters without control characters, not '\(name.prefix(120))'"
        case .invalidExpiry(let days): "a token expires in 1 to \(Self.maxDays) days, not \(days)"
        }
    }

    /// `name` trimmed, or ``defaultName`` when nil or blank.
    static func validName(_ name: String?) throws(TokenError) -> String {
        let trimmed = name?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !trimmed.isEmpty else { return defaultName }
        guard trimmed.count <= 100, !trimmed.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) else {
            throw .invalidName(trimmed)
        }
        return trimmed
    }

    /// The lifetime in seconds, or nil for a token that never expires.
    static func validExpiry(days: Int?) throws(TokenError) -> TimeInterval? {
        guard let days else { return nil }
        guard (1...maxDays).contains(days) else { throw .invalidExpiry(days) }
        return TimeInterval(days) * 86_400
    }
}
