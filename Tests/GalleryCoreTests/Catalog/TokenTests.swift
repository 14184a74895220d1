import Foundation
import GalleryCore
import Testing

@Suite("Tokens: names, expiry, revocation and rotation")
struct TokenTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func aCreatedTokenWorksUntilItExpires() throws {
        let catalog = try AppDatabase.inMemory()
        let alice = try catalog.createUser(name: "alice").user
        let created = try catalog.createToken(userId: alice.id!, name: "  laptop ", expiresInDays: 30, now: now)
        #expect(created.token.name == "laptop")
        #expect(created.token.expiresAt == now.addingTimeInterval(30 * 86_400))
        #expect(try catalog.user(token: created.secret, now: now.addingTimeInterval(29 * 86_400))?.id == alice.id)
        #expect(try catalog.user(token: created.secret, now: now.addingTimeInterval(30 * 86_400)) == nil)
        let listed = try catalog.tokens(userId: alice.id!)
        #expect(listed.map(\.name) == ["initial", "laptop"])
        #expect(TokenReport(listed[1], now: now.addingTimeInterval(31 * 86_400)).expired)
        #expect(try catalog.createToken(userId: alice.id!).token.name == TokenError.defaultName)
    }

    @Test func listsNeverShowTheSecretNorItsDigest() throws {
        let catalog = try AppDatabase.inMemory()
        let alice = try catalog.createUser(name: "alice").user
        let created = try catalog.createToken(userId: alice.id!, name: "ci")
        let json = String(decoding: try ReportEncoder.encode(try catalog.tokens(userId: alice.id!).map { TokenReport($0) }), as: UTF8.self)
        #expect(!json.contains(created.secret))
        #expect(!json.contains(created.token.hash))
        #expect(!json.contains("hash"))
        #expect(json.contains("\"expires_at\" : null"))
    }

    @Test func usingATokenNotesItsLastUseAtMostOncePerResolution() throws {
        let catalog = try AppDatabase.inMemory()
        let created = try catalog.createUser(name: "alice")
        _ = try catalog.user(token: created.token, now: now)
        _ = try catalog.user(token: created.token, now: now.addingTimeInterval(60))
        #expect(try catalog.tokens(userId: created.user.id!)[0].lastUsedAt == now)
        _ = try catalog.user(token: created.token, now: now.addingTimeInterval(TokenRecord.lastUseResolution))
        #expect(try catalog.tokens(userId: created.user.id!)[0].lastUsedAt == now.addingTimeInterval(TokenRecord.lastUseResolution))
    }

    @Test func aRevokedTokenIsRefusedAtOnceAndOnlyItsOwnerCanRevokeIt() throws {
        let catalog = try AppDatabase.inMemory()
        let alice = try catalog.createUser(name: "alice")
        let bob = try catalog.createUser(name: "bob")
        let aliceToken = try catalog.tokens(userId: alice.user.id!)[0].id!
        #expect(throws: TokenError.notFound(aliceToken)) { try catalog.revokeToken(id: aliceToken, userId: bob.user.id!) }
        #expect(try catalog.user(token: alice.token)?.name == "alice")
        try catalog.revokeToken(id: aliceToken, userId: alice.user.id!)
        #expect(try catalog.user(token: alice.token) == nil)
        #expect(try catalog.tokens(userId: alice.user.id!).isEmpty)
        #expect(throws: TokenError.notFound(aliceToken)) { try catalog.revokeToken(id: aliceToken, userId: alice.user.id!) }
    }

    @Test func rotationReplacesTheSecretKeepingIdNameAndLifetime() throws {
        let catalog = try AppDatabase.inMemory()
        let alice = try catalog.createUser(name: "alice").user
        let first = try catalog.createToken(userId: alice.id!, name: "backup", expiresInDays: 10, now: now)
        let later = now.addingTimeInterval(9 * 86_400)
        let rotated = try catalog.rotateToken(id: first.token.id!, userId: alice.id!, now: later)
        #expect(rotated.token.id == first.token.id && rotated.token.name == "backup")
        #expect(rotated.secret != first.secret)
        #expect(rotated.token.expiresAt == later.addingTimeInterval(10 * 86_400))
        #expect(try catalog.user(token: first.secret, now: later) == nil)
        #expect(try catalog.user(token: rotated.secret, now: later)?.id == alice.id)
        let bob = try catalog.createUser(name: "bob").user
        #expect(throws: TokenError.notFound(first.token.id!)) { try catalog.rotateToken(id: first.token.id!, userId: bob.id!) }
    }

    @Test func badNamesAndExpiriesAreRefused() throws {
        let catalog = try AppDatabase.inMemory()
        let alice = try catalog.createUser(name: "alice").user
        #expect(throws: TokenError.invalidExpiry(0)) { try catalog.createToken(userId: alice.id!, expiresInDays: 0) }
        #expect(throws: TokenError.invalidExpiry(TokenError.maxDays + 1)) {
            try catalog.createToken(userId: alice.id!, expiresInDays: TokenError.maxDays + 1)
        }
        #expect(throws: TokenError.invalidName("a\u{7}b")) { try catalog.createToken(userId: alice.id!, name: "a\u{7}b") }
        #expect(throws: TokenError.self) { try catalog.createToken(userId: alice.id!, name: String(repeating: "x", count: 101)) }
        #expect(throws: TokenError.unknownUser(99)) { try catalog.createToken(userId: 99) }
        #expect(try catalog.tokens(userId: alice.id!).count == 1)
    }
}
