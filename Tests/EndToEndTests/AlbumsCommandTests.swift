import Foundation
import GalleryTestSupport
import Testing

@Suite("gallery albums, favorite, rate and search --export/--copy-to/--link-to from the command line")
struct AlbumsCommandTests {
    @Test func albumsFavouritesRatingsAndSmartAlbums() throws {
        let (home, photos) = try Self.indexedPhotos()
        defer { home.remove(); photos.remove() }
        let gallery = GalleryProcess(home: home.path)
        let coffee = photos.path("one/coffee.png"), rocket = photos.path("rocket.jpg"), canon = photos.path("canon.jpg")

        let created = try gallery.run(["albums", "create", "Summer 2019"])
        #expect(created.status == 0 && created.standardOutput.contains("'Summer 2019'"), "\(created.standardError)")
        let added = try gallery.run(["albums", "add", "summer 2019", coffee, rocket, canon, coffee])
        #expect(added.standardOutput == "added 3 photos; 'Summer 2019' has 3\n", "\(added.standardError)")
        let again = try gallery.run(["albums", "add", "Summer 2019", coffee])
        #expect(again.standardOutput == "added 0 photos (1 unchanged); 'Summer 2019' has 3\n", "\(again.standardError)")
        #expect(try gallery.run(["albums", "move", "Summer 2019", canon, "--to", "0"]).status == 0)
        let shown = try gallery.run(["albums", "show", "Summer 2019", "--json"]).json()
        let paths = (shown["results"] as! [[String: Any]]).map { $0["path"] as! String }
        #expect(paths == [canon, coffee, rocket])
        #expect(
            try gallery.run(["albums", "cover", "Summer 2019", rocket]).standardOutput.hasSuffix("cover: \(try id(rocket, gallery))\n"))
        #expect(try gallery.run(["albums", "remove", "Summer 2019", coffee]).standardOutput.contains("removed 1 photo;"))

        #expect(try gallery.run(["favorite", rocket, canon]).standardOutput.contains("\tfavourite\t"))
        #expect(try gallery.run(["favorite", "--remove", canon]).standardOutput.hasSuffix("\t-\tnot rated\n"))
        #expect(try gallery.run(["rate", "4", rocket, coffee]).standardOutput.contains("\t****\n"))
        let favourites = try gallery.run(["search", "is:favorite", "--json"]).json()
        #expect((favourites["results"] as! [[String: Any]]).map { $0["path"] as! String } == [rocket])
        let rated = try gallery.run(["search", "rating:>=4 album:\"Summer 2019\"", "--json"]).json()
        #expect((rated["results"] as! [[String: Any]]).map { $0["path"] as! String } == [rocket])

        let smart = try gallery.run(["albums", "create", "Four stars", "--query", "rating:4"])
        #expect(smart.status == 0, "\(smart.standardError)")
        let smartShown = try gallery.run(["albums", "show", "Four stars", "--json"]).json()
        #expect(Set((smartShown["results"] as! [[String: Any]]).map { $0["path"] as! String }) == [rocket, coffee])
        let list = try gallery.run(["albums", "list"])
        #expect(
            list.standardOutput.contains("\tFour stars\tsmart: rating:4\n") && list.standardOutput.contains("\tSummer 2019\t2 photos\n"))

        // Bad input: a clear error and nothing changed.
        let bad: [([String], String)] = [
            (["albums", "create", "summer 2019"], "already has an album named"),
            (["albums", "create", "Bad", "--query", "colour:blue"], "unknown field 'colour:'"),
            (["albums", "add", "Four stars", rocket], "is a smart album"),
            (["albums", "add", "Nowhere", rocket], "no album named 'Nowhere'"),
            (["albums", "add", "Summer 2019", photos.path("none.jpg")], "no image"),
            (["rate", "6", rocket], "0 (none) to 5 stars"),
            (["albums", "cover", "Summer 2019", coffee], "not in this album"),
        ]
        for (arguments, message) in bad {
            let result = try gallery.run(arguments)
            #expect(result.status != 0 && result.standardError.contains(message), "\(arguments): \(result.standardError)")
        }
        #expect(try gallery.run(["albums", "list"]).standardOutput == list.standardOutput)
        #expect(try gallery.run(["albums", "delete", "Four stars"]).status == 0)
        #expect(!(try gallery.run(["albums", "list"]).standardOutput.contains("Four stars")))
    }

    @Test func searchResultsAreExportedCopiedAndLinked() throws {
        let (home, photos) = try Self.indexedPhotos()
        let out = try TemporaryDirectory("gallery-export-out")
        defer { home.remove(); photos.remove(); out.remove() }
        let gallery = GalleryProcess(home: home.path)
        let query = ["search", "type:png", "--limit", "1"]

        let exported = try gallery.run(query + ["--json", "--export", out.path("results.csv"), "--copy-to", out.path("copies")])
        #expect(exported.status == 0, "\(exported.standardError)")
        #expect((try exported.json()["results"] as! [Any]).count == 1, "the page printed is the one asked for")
        #expect(exported.standardError.contains("exported 2 results") && exported.standardError.contains("copied 2 photos"))
        let csv = try String(contentsOfFile: out.path("results.csv"), encoding: .utf8).split(separator: "\r\n")
        #expect(csv.count == 3 && csv[0] == "id,path,score,rank_score,taken_at,width,height,format")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path("copies")).sorted() == ["coffee (2).png", "coffee.png"])
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: out.path("copies/coffee.png")))
                == Data(contentsOf: URL(fileURLWithPath: photos.path("one/coffee.png")))
                || Data(contentsOf: URL(fileURLWithPath: out.path("copies/coffee.png")))
                    == Data(contentsOf: URL(fileURLWithPath: photos.path("two/coffee.png")))
        )

        let linked = try gallery.run(query + ["--export", out.path("results.json"), "--link-to", out.path("links")])
        #expect(linked.status == 0, "\(linked.standardError)")
        let json =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out.path("results.json")))) as! [[String: Any]]
        #expect(Set(json.map { $0["path"] as! String }) == [photos.path("one/coffee.png"), photos.path("two/coffee.png")])
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: out.path("links/coffee.png"))
        #expect(link.hasPrefix(photos.path("")))

        // An existing file or folder, an unknown format or an unwritable place: refused, nothing overwritten.
        let before = try Data(contentsOf: URL(fileURLWithPath: out.path("results.csv")))
        let bad: [([String], String)] = [
            (["--export", out.path("results.csv")], "exists already; choose a new file name"),
            (["--copy-to", out.path("copies")], "exists already; name a folder to be created"),
            (["--export", out.path("results.txt")], "name it .json or .csv"),
            (["--copy-to", out.path("a"), "--link-to", out.path("b")], "not both"),
            (["--copy-to", out.path("results.csv") + "/inside"], "cannot write"),
            (["--copy-to", "/proc/gallery-export"], "cannot write '/proc/gallery-export'"),
        ]
        for (arguments, message) in bad {
            let result = try gallery.run(query + arguments)
            #expect(result.status != 0 && result.standardError.contains(message), "\(arguments): \(result.standardError)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: out.path("results.csv"))) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path("copies")).count == 2)
    }

    /// A home with four real photos indexed (two files named coffee.png in different folders).
    static func indexedPhotos() throws -> (home: TemporaryDirectory, photos: TemporaryDirectory) {
        let home = try TemporaryDirectory("gallery-albums")
        let photos = try TemporaryDirectory("gallery-album-photos")
        let manager = FileManager.default
        for folder in ["one", "two"] { try manager.createDirectory(atPath: photos.path(folder), withIntermediateDirectories: true) }
        try manager.copyItem(atPath: Fixtures.path("skimage/coffee.png"), toPath: photos.path("one/coffee.png"))
        try manager.copyItem(atPath: Fixtures.path("skimage/astronaut.png"), toPath: photos.path("two/coffee.png"))
        try manager.copyItem(atPath: Fixtures.path("skimage/rocket.jpg"), toPath: photos.path("rocket.jpg"))
        try manager.copyItem(atPath: Fixtures.path("piexif/r_canon.jpg"), toPath: photos.path("canon.jpg"))
        let index = try GalleryProcess(home: home.path).run(["index", photos.path, "--no-faces", "--no-ocr"])
        #expect(index.status == 0, "\(index.standardError)")
        return (home, photos)
    }

    private func id(_ path: String, _ gallery: GalleryProcess) throws -> Int {
        try gallery.run(["show", path, "--json"]).json()["id"] as! Int
    }
}
