import Foundation
import Testing

@testable import GalleryCore

@Suite("Imaging: thumbnails shrunk from a decoded picture")
struct ImagingResizeTests {
    let decoder = PhotoDecoder()

    @Test("a picture that already fits keeps its pixels; a larger one gets the long side exactly, the short one rounded")
    func fitsOrShrinks() throws {
        let chelsea = try decoder.decodePreview(try ImagingFixtures.data("skimage/chelsea.png"), maxSide: 4_000)
        #expect((chelsea.width, chelsea.height) == (451, 300))
        let same = try chelsea.resized(toFit: 451)
        #expect((same.width, same.height) == (451, 300))
        #expect(try same.rgbBytes() == chelsea.rgbBytes())
        let smaller = try chelsea.resized(toFit: 200)
        #expect((smaller.width, smaller.height) == (200, 133))  // 300 * 200 / 451 = 133.04
        let tall = try chelsea.turned(quarterTurns: 1).resized(toFit: 100)
        #expect((tall.width, tall.height) == (67, 100))  // 300 * 100 / 451 = 66.5
    }

    @Test("the model's pixels are read in place, alpha band included, and match the exported RGB")
    func pixelsInPlace() throws {
        let opaque = try decoder.decodePreview(try ImagingFixtures.data("pillow/hopper.png"), maxSide: 64)
        let rgb = try opaque.withPixels { pixels, bands in (Array(pixels), bands) }
        #expect(rgb.1 == 3)
        #expect(rgb.0 == (try opaque.rgbBytes()))
        let transparent = try decoder.decodePreview(try ImagingFixtures.data("pillow/transparent.png"), maxSide: 64)
        let rgba = try transparent.withPixels { pixels, bands in (pixels.count, bands) }
        #expect(rgba == (transparent.width * transparent.height * 4, 4))
    }
}
