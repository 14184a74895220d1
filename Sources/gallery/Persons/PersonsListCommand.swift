import ArgumentParser
import GalleryCore

/// `gallery persons list`.
struct PersonsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List persons, most photographed first.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Include hidden persons.")
    var hidden = false

    @Flag(help: "Print JSON: {\"persons\": [{\"id\", \"name\", \"faces\", \"photos\", ...}]}.")
    var json = false

    func run() async throws {
        let context = try global.makeContext()
        let persons = try context.catalog.persons(collectionId: try context.collectionId(), includeHidden: hidden)
        if json {
            try Output.json(PersonListReport(persons: persons))
            return
        }
        for person in persons { Output.line(person.line) }
        Output.line("\(persons.count) persons")
    }
}

/// `gallery persons show ID|NAME`.
struct PersonsShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a person and the photos they are in.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The person's id or name.")
    var person: String

    @Flag(help: "Print JSON: the person with a \"photos\" array (each with its absolute \"path\").")
    var json = false

    func run() async throws {
        let context = try global.makeContext()
        let report = try context.catalog.personReport(id: try context.personId(person), collectionId: try context.collectionId())
        if json {
            try Output.json(report)
            return
        }
        Output.line(report.person.line)
        for photo in report.photos {
            Output.line(
                "\(photo.id)\t\(photo.takenAt?.formatted(.iso8601) ?? "-")\t\(photo.path)\tfaces \(photo.faceIds.map(String.init).joined(separator: ","))"
            )
        }
    }
}
