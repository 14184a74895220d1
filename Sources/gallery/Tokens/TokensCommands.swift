import ArgumentParser
import GalleryCore

/// `gallery tokens list`.
struct TokensListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the tokens (never their secrets).")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var owner: TokenOwnerOptions

    func run() async throws {
        let context = try global.makeContext()
        let tokens = try context.catalog.tokens(userId: try owner.owner(context).id!).map { TokenReport($0) }
        if owner.json { return try Output.json(["tokens": tokens]) }
        if tokens.isEmpty { Output.line("No tokens: create one with `gallery tokens create`.") }
        for token in tokens { Output.line(token.line) }
    }
}

/// `gallery tokens create [--name NAME] [--expires-in DAYS]`.
struct TokensCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "Create a token; its secret is shown once.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var owner: TokenOwnerOptions
    @Option(help: "A label for the token (default: token).") var name: String?
    @Option(name: .customLong("expires-in"), help: "Days until the token is refused (1 to 3650; default: never).")
    var expiresInDays: Int?

    func run() async throws {
        let context = try global.makeContext()
        let user = try owner.owner(context)
        try owner.show(try context.catalog.createToken(userId: user.id!, name: name, expiresInDays: expiresInDays), verb: "Created")
    }
}

/// `gallery tokens revoke ID`.
struct TokensRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a token: it is refused at once.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var owner: TokenOwnerOptions
    @Argument(help: "The token's id (see `gallery tokens list`).") var id: Int64

    func run() async throws {
        let context = try global.makeContext()
        try context.catalog.revokeToken(id: id, userId: try owner.owner(context).id!)
        if owner.json { return try Output.json(["revoked": id]) }
        Output.line("Revoked token \(id).")
    }
}

/// `gallery tokens rotate ID`.
struct TokensRotateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate", abstract: "Give a token a new secret (shown once); the old one is refused at once.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var owner: TokenOwnerOptions
    @Argument(help: "The token's id (see `gallery tokens list`).") var id: Int64

    func run() async throws {
        let context = try global.makeContext()
        try owner.show(try context.catalog.rotateToken(id: id, userId: try owner.owner(context).id!), verb: "Rotated")
    }
}
