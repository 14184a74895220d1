import Foundation
import GalleryTestSupport
import Testing

@Suite("gallery duplicates: scan, list, show and resolve from the command line")
struct DuplicatesCommandTests {
    @Test func duplicatesAreListedShownAndResolvedAndOriginalsNeedAnExplicitYes() throws {
        let home = try TemporaryDirectory("gallery-dupes")
        let photos = try TemporaryDirectory("gallery-dupe-photos")
        defer { home.remove(); photos.remove() }
        let fixtures = ["skimage/chelsea.png": ["chelsea.png", "chelsea again.png"], "skimage/coffee.png": ["coffee.png"]]
        for (fixture, names) in fixtures {
            for name in names { try FileManager.default.copyItem(atPath: Fixtures.path(fixture), toPath: photos.path(name)) }
        }
        let gallery = GalleryProcess(home: home.path)
        let index = try gallery.run(["index", photos.path, "--no-faces", "--no-embed"])
        #expect(index.status == 0, "\(index.standardError)")

        // Everything was hashed and compared at indexing: a scan finds nothing left to do.
        let scan = try gallery.run(["duplicates", "scan", "--json"]).json()
        #expect(scan["hashed"] as? Int == 0 && scan["looked_up"] as? Int == 0, "\(scan)")

        let listed = try gallery.run(["duplicates", "list", "--tier", "exact", "--json"]).json()
        #expect(listed["total"] as? Int == 1)
        let groups = try #require(listed["groups"] as? [[String: Any]])
        let id = try #require(groups.first?["id"] as? String)
        #expect(id.hasPrefix("exact-"))
        let members = try #require(groups.first?["members"] as? [[String: Any]])
        #expect(
            Set(members.compactMap { ($0["path"] as? String).map { URL(fileURLWithPath: $0).lastPathComponent } }) == [
                "chelsea.png", "chelsea again.png",
            ])
        let text = try gallery.run(["duplicates", "list"])
        #expect(text.standardOutput.hasPrefix("1 exact group\n\(id)\t2 photos\n"), "\(text.standardOutput)")
        let shown = try gallery.run(["duplicates", "show", id])
        #expect(shown.status == 0 && shown.standardOutput.contains("same bytes"), "\(shown.standardOutput)")

        let keeper = try #require(groups.first?["keeper_id"] as? Int)
        let other = try #require(members.compactMap { $0["image_id"] as? Int }.first { $0 != keeper })
        // Stacked, then restored: the group is there again.
        #expect(try gallery.run(["duplicates", "resolve", id, "--keep", String(keeper), "--action", "stack"]).status == 0)
        #expect(try gallery.run(["duplicates", "list", "--json"]).json()["total"] as? Int == 0)
        let restored = try gallery.run(["duplicates", "restore", String(keeper)])
        #expect(restored.standardOutput == "restored 1 photo\n", "\(restored.standardOutput)\(restored.standardError)")
        #expect(try gallery.run(["duplicates", "list", "--json"]).json()["total"] as? Int == 1)

        #expect(try gallery.run(["tag", "add", String(other), "Chelsea"]).status == 0)
        // With a user tag, the other copy has more metadata: the default keeper now.
        #expect(try gallery.run(["duplicates", "show", id, "--json"]).json()["keeper_id"] as? Int == other)
        let refused = try gallery.run(["duplicates", "resolve", id, "--action", "delete"])
        #expect(refused.status != 0 && refused.standardError.contains("confirm with delete originals"), "\(refused.standardError)")
        #expect(FileManager.default.fileExists(atPath: photos.path("chelsea again.png")))

        let resolved = try gallery.run([
            "duplicates", "resolve", id, "--keep", String(keeper), "--action", "delete", "--delete-originals", "--json",
        ]).json()
        #expect(resolved["keeper_id"] as? Int == keeper)
        #expect(resolved["merged_tags"] as? [String] == ["Chelsea"])
        #expect((resolved["trashed"] as? [String])?.count == 1)
        let tags = try gallery.run(["tag", "list", String(keeper), "--json"]).json()
        #expect(tags["tags"] as? [String] == ["Chelsea"])
        let trash = try gallery.run(["duplicates", "trash"])
        #expect(trash.standardOutput.hasPrefix("1 file in the trash\n"), "\(trash.standardOutput)")
        #expect(try gallery.run(["duplicates", "trash", "--empty"]).standardOutput.hasPrefix("1 file deleted from the trash"))
        #expect(try gallery.run(["duplicates", "list", "--json"]).json()["total"] as? Int == 0)

        let gone = try gallery.run(["duplicates", "show", id])
        #expect(gone.status != 0 && gone.standardError.contains("no exact duplicate group holds image"), "\(gone.standardError)")
        let bad = try gallery.run(["duplicates", "show", "twins-3"])
        #expect(bad.status != 0, "\(bad.standardOutput)")
        let badTier = try gallery.run(["duplicates", "list", "--tier", "twins"])
        #expect(badTier.status != 0 && badTier.standardError.contains("twins"), "\(badTier.standardError)")
        let similarDelete = try gallery.run(["duplicates", "resolve", "similar-1", "--action", "delete"])
        #expect(similarDelete.status != 0 && similarDelete.standardError.contains("never deleted"), "\(similarDelete.standardError)")
    }
}
