import Foundation
import GalleryTestSupport
import Testing

@Suite("gallery tag and describe: the user's own tags and descriptions from the command line")
struct TagCommandTests {
    @Test func tagsAreAddedRenamedListedAndRemovedAndTheFileIsNeverWritten() throws {
        let home = try TemporaryDirectory("gallery-tags")
        let photos = try TemporaryDirectory("gallery-tag-photos")
        defer { home.remove(); photos.remove() }
        try FileManager.default.copyItem(atPath: Fixtures.path("face-recognition/obama.jpg"), toPath: photos.path("obama.jpg"))
        try FileManager.default.copyItem(atPath: Fixtures.path("piexif/r_canon.jpg"), toPath: photos.path("canon.jpg"))
        let original = try Data(contentsOf: photos.url.appendingPathComponent("obama.jpg"))
        let gallery = GalleryProcess(home: home.path)
        let index = try gallery.run(["index", photos.path, "--no-faces"])
        #expect(index.status == 0, "\(index.standardError)")
        let obama = photos.path("obama.jpg")

        let added = try gallery.run(["tag", "add", obama, "White House", "portrait"])
        #expect(added.status == 0, "\(added.standardError)")
        #expect(added.standardOutput.hasSuffix("\tportrait, White House\n"), "\(added.standardOutput)")
        #expect(try gallery.run(["tag", "add", photos.path("canon.jpg"), "portrait"]).status == 0)
        let described = try gallery.run(["describe", obama, "In the Oval Office, 2012"])
        #expect(described.status == 0 && described.standardOutput.contains("In the Oval Office, 2012"), "\(described.standardError)")

        let renamed = try gallery.run(["tag", "rename", "Portrait", "official portrait"])
        #expect(renamed.standardOutput == "renamed 'Portrait' to 'official portrait' on 2 photos\n", "\(renamed.standardError)")
        let counts = try gallery.run(["tag", "list"])
        #expect(counts.standardOutput == "official portrait\t2\nWhite House\t1\n")
        let one = try gallery.run(["tag", "list", obama, "--json"]).json()
        #expect(one["tags"] as? [String] == ["official portrait", "White House"])
        #expect(one["description"] as? String == "In the Oval Office, 2012")

        let removed = try gallery.run(["tag", "remove", obama, "white house"])
        #expect(removed.standardOutput.hasSuffix("\tofficial portrait\n"), "\(removed.standardOutput)")
        #expect(try gallery.run(["describe", obama, ""]).standardOutput.hasSuffix("\t(no description)\n"))

        // What the photo says about itself is read at indexing.
        let shown = try gallery.run(["show", obama, "--json"]).json()
        let captions = try #require(shown["captions"] as? [String: Any])
        #expect((captions["description"] as? String)?.contains("Oval Office") == true)
        #expect(try Data(contentsOf: photos.url.appendingPathComponent("obama.jpg")) == original)

        let noImage = try gallery.run(["tag", "add", photos.path("none.jpg"), "x"])
        #expect(noImage.status != 0 && noImage.standardError.contains("no image"), "\(noImage.standardError)")
        let blank = try gallery.run(["tag", "add", obama, "   "])
        #expect(blank.status != 0 && blank.standardError.contains("is not a usable tag"), "\(blank.standardError)")
        let noTags = try gallery.run(["tag", "add", obama])
        #expect(noTags.status != 0 && noTags.standardError.contains("tag"), "\(noTags.standardError)")
        let nothing = try gallery.run(["tag", "rename", "nothing", "else"])
        #expect(nothing.status != 0 && nothing.standardError.contains("no image in this collection has the tag 'nothing'"))
        let long = try gallery.run(["describe", obama, String(repeating: "x", count: 10_001)])
        #expect(long.status != 0 && long.standardError.contains("at most 10000"), "\(long.standardError)")
    }
}
