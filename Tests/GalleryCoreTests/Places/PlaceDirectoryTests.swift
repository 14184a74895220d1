import Foundation
import GalleryTestSupport
import Testing

@testable import GalleryCore

@Suite("PlaceDirectory: the nearest GeoNames town to a GPS position")
struct PlaceDirectoryTests {
    /// The nearest place's city, region and country code.
    func nearest(
        _ latitude: Double, _ longitude: Double, within: Double = PlaceDirectory.defaultMaxDistanceKilometres
    ) throws
        -> [String]?
    {
        try PlaceFixtures.directory().nearest(latitude: latitude, longitude: longitude, within: within).map {
            [$0.place.city, $0.place.region, $0.place.country, $0.place.countryCode]
        }
    }

    @Test func loadsEveryPlaceOfTheManifest() throws {
        let places = try PlaceFixtures.directory()
        #expect(places.count == 144_561)
        #expect(places.version.count == 64)
    }

    @Test func knownCities() throws {
        // Notre-Dame, and the Tokyo Metropolitan Government Building.
        #expect(try nearest(48.853, 2.349) == ["Paris", "Ile-de-France", "France", "FR"])
        #expect(try nearest(35.6895, 139.6917) == ["Tokyo", "Tokyo", "Japan", "JP"])
        // ultrahdr.jpg's GPS position (30°37'39.54" N, 119°44'19.56" E, read with Pillow; the
        // indexer refuses the file as truncated): Anji county, Huzhou, 11 km from Baizhang.
        #expect(try nearest(30.62765, 119.73877) == ["Baizhang", "Zhejiang Sheng", "China", "CN"])
        // The Eiffel Tower is nearer Neuilly-sur-Seine's centre (3.4 km) than Paris's (4.1 km):
        // towns are points, the nearest point wins.
        #expect(try nearest(48.8584, 2.2945)?.first == "Neuilly-sur-Seine")
    }

    @Test func atSeaAndAtThePolesThereIsNoTownWithinTheLimit() throws {
        #expect(try nearest(0, -30) == nil)
        #expect(try nearest(0, -30, within: 600)?.first == "Fernando de Noronha (Distrito Estadual)")
        for longitude in [-180.0, 0, 97.5, 180] {
            #expect(try nearest(90, longitude) == nil)
            #expect(try nearest(90, longitude, within: 1500) == ["Longyearbyen", "Svalbard", "Svalbard and Jan Mayen", "SJ"])
            #expect(try nearest(-90, longitude, within: 1400)?.first == "McMurdo Station")
        }
        #expect(try nearest(-89.9, 0) == nil)
    }

    @Test func theAntimeridianIsNoEdge() throws {
        // Beringovskiy (179.35 E) and Lambasa (179.38 E) from just west of 180 W.
        #expect(try nearest(63.06, -179.9) == ["Beringovskiy", "Chukotskiy Avtonomnyy Okrug", "Russian Federation", "RU"])
        #expect(try nearest(-16.42, -179.8, within: 100)?.first == "Lambasa")
        #expect(try nearest(-16.42, 180, within: 100)?.first == "Lambasa")
    }

    @Test func invalidPositionsHaveNoPlace() throws {
        #expect(try nearest(91, 0) == nil)
        #expect(try nearest(0, 181) == nil)
        #expect(try nearest(.nan, 0) == nil)
    }

    @Test func theGridFindsWhatAFullScanFinds() throws {
        let places = try PlaceFixtures.directory()
        let all = (0..<places.count).map { places.place(at: $0) }
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<12 {
            // Half over Europe (dense), half anywhere.
            let latitude = Double.random(in: 35...60, using: &generator)
            let longitude = Double.random(in: -10...30, using: &generator)
            let anywhere = (Double.random(in: -90...90, using: &generator), Double.random(in: -180...180, using: &generator))
            for (lat, lon) in [(latitude, longitude), anywhere] {
                let expected = all.map { GeoDistance.kilometres(from: (lat, lon), to: ($0.latitude, $0.longitude)) }.min()!
                let found = places.nearest(latitude: lat, longitude: lon, within: 400)
                if expected <= 400 {
                    #expect(found.map { abs($0.distanceKilometres - expected) < 1e-9 } == true, "at \(lat), \(lon)")
                } else {
                    #expect(found == nil, "at \(lat), \(lon)")
                }
            }
        }
    }

    @Test func aDamagedFolderIsAClearError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("places-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: PlaceDataError.missingFile(folder.appendingPathComponent("manifest.json").path)) {
            try PlaceDirectory(folder: folder)
        }
        for name in ["manifest.json", "places.tsv", "countries.tsv"] {
            try FileManager.default.copyItem(
                at: try PlaceFixtures.folder().appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let places = folder.appendingPathComponent("places.tsv")
        var text = try String(contentsOf: places, encoding: .utf8)
        text = text.replacingOccurrences(of: "48.85341\t2.34880\tParis", with: "48.85341\t2.34880\tParis!")
        try text.write(to: places, atomically: true, encoding: .utf8)
        #expect {
            try PlaceDirectory(folder: folder)
        } throws: { error in
            guard case PlaceDataError.manifestMismatch(let detail) = error else { return false }
            return detail.contains("places.tsv has SHA-256")
        }
    }
}
