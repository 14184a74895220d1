import ArgumentParser
import Foundation
import GalleryCore

/// `gallery persons ...`: the person directory.
struct PersonsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "persons",
        abstract: "List, name, merge, split and hide the persons found in your photos.",
        discussion: """
            gallery persons list
            gallery persons name 3 "Anna"
            gallery persons merge Anna 7 9
            gallery persons split 412 413 --name "Ben"
            gallery search "person:Anna at the beach"
            """,
        subcommands: [
            PersonsListCommand.self, PersonsShowCommand.self, PersonsNameCommand.self, PersonsMergeCommand.self,
            PersonsSplitCommand.self, PersonsAssignCommand.self, PersonsRejectCommand.self, PersonsHideCommand.self,
            PersonsDeleteCommand.self,
        ])
}

extension PersonSummary {
    /// One line of `persons list`.
    var line: String {
        let dates = [firstDate, lastDate].compactMap { $0?.formatted(.iso8601.year().month().day()) }
        return "\(id)\t\(name ?? "(unnamed)")\t\(faces) faces\t\(photos) photos"
            + (dates.isEmpty ? "" : "\t\(dates.first!)..\(dates.last!)") + (hidden ? "\t(hidden)" : "")
    }
}
