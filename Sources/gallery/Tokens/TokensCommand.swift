import ArgumentParser
import Foundation
import GalleryCore

/// `gallery tokens ...`: a user's API tokens (the admin's by default).
struct TokensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "List, create, revoke and rotate API tokens (the admin's, or --user NAME's).",
        discussion: """
            gallery tokens list
            gallery tokens create --name laptop --expires-in 90
            gallery tokens rotate 3
            gallery tokens revoke 3
            """,
        subcommands: [TokensListCommand.self, TokensCreateCommand.self, TokensRevokeCommand.self, TokensRotateCommand.self],
        defaultSubcommand: TokensListCommand.self)
}

/// How a `tokens` command answers; the user whose tokens it manages is the CLI's user (the
/// admin, or the global `--user NAME`).
struct TokenOwnerOptions: ParsableArguments {
    @Flag(help: "Print JSON.")
    var json = false

    /// The user whose tokens are managed.
    func owner(_ context: CommandContext) throws -> UserRecord { try context.user() }

    /// Prints a new or rotated token: its secret once, with what it is.
    func show(_ created: NewToken, verb: String) throws {
        if json { return try Output.json(NewTokenReport(created)) }
        Output.line(
            "\(verb) token \(created.token.id ?? 0) '\(created.token.name)'\(TokenReport(created.token).expiryText). Its secret, shown once:"
        )
        Output.line(created.secret)
    }
}

extension TokenReport {
    /// `, expires 2027-03-01` or `, expired 2026-01-01`; empty for a token that never expires.
    var expiryText: String {
        guard let expiresAt else { return "" }
        return ", \(expired ? "expired" : "expires") \(expiresAt.formatted(.iso8601.year().month().day()))"
    }

    /// One line of `tokens list`.
    var line: String {
        let lastUse = lastUsedAt.map { "last used \($0.formatted(.iso8601.year().month().day()))" } ?? "never used"
        return "\(id)\t\(name)\tcreated \(createdAt.formatted(.iso8601.year().month().day()))\(expiryText)\t\(lastUse)"
    }
}
