import Foundation
import Testing

@testable import GalleryCore

@Suite("OCR: DB post-processing on synthetic maps")
struct DBPostProcessorTests {
    let processor = DBPostProcessor(parameters: TextRecognitionParameters())

    /// A `width` x `height` map, 0 everywhere but `value` where `inside` holds.
    func map(width: Int, height: Int, value: Float = 0.9, inside: (Int, Int) -> Bool) -> ProbabilityMap {
        var values = [Float](repeating: 0, count: width * height)
        for y in 0..<height {
            for x in 0..<width where inside(x, y) { values[y * width + x] = value }
        }
        return ProbabilityMap(width: width, height: height, values: values)
    }

    @Test("an axis-aligned block becomes its rectangle grown by area x 1.4 / perimeter")
    func block() throws {
        // Pixels x 10...49, y 20...29: the rectangle through their centres is 39 x 9.
        let boxes = processor.boxes(
            from: map(width: 64, height: 64) { (10...49).contains($0) && (20...29).contains($1) }, imageWidth: 64, imageHeight: 64)
        let box = try #require(boxes.first)
        #expect(boxes.count == 1)
        let distance = 39.0 * 9 * 1.4 / (2 * (39 + 9))  // 5.12...
        #expect(box[0] == TextPoint(x: (10 - distance).rounded(), y: (20 - distance).rounded()))
        #expect(box[2] == TextPoint(x: (49 + distance).rounded(), y: (29 + distance).rounded()))
        #expect(box[1].y == box[0].y && box[3].x == box[0].x)  // clockwise from the top-left
    }

    @Test("boxes scale from the map to the image")
    func scaling() throws {
        let boxes = processor.boxes(
            from: map(width: 32, height: 32) { (8...23).contains($0) && (12...19).contains($1) }, imageWidth: 320, imageHeight: 64)
        let box = try #require(boxes.first)
        let distance = 15.0 * 7 * 1.4 / (2 * (15 + 7))
        #expect(box[0].x == ((8 - distance) * 10).rounded() && box[0].y == ((12 - distance) * 2).rounded())
    }

    @Test("separate regions give separate boxes; specks, thin lines and faint regions give none")
    func filtering() {
        let boxes = processor.boxes(
            from: map(width: 100, height: 60) { x, y in
                ((5...40).contains(x) && (5...14).contains(y))  // a line of text
                    || ((60...95).contains(x) && (5...14).contains(y))  // another
                    || (x == 50 && y == 40)  // a speck
                    || ((10...90).contains(x) && y == 50)  // a one-pixel line: short side 0
            }, imageWidth: 100, imageHeight: 60)
        #expect(boxes.count == 2)
        let faint = processor.boxes(
            from: map(width: 64, height: 64, value: 0.3) { (10...49).contains($0) && (20...29).contains($1) },
            imageWidth: 64, imageHeight: 64)
        #expect(faint.isEmpty, "mean 0.3 is above the pixel threshold 0.2 but below the box threshold 0.45")
    }

    @Test("a slanted line gets a slanted box")
    func slanted() throws {
        // A band 8 pixels thick along y = 0.5 x + 10.
        let boxes = processor.boxes(
            from: map(width: 128, height: 96) { x, y in
                (10...110).contains(x) && abs(Double(y) - (0.5 * Double(x) + 10)) <= 4
            }, imageWidth: 128, imageHeight: 96)
        let box = try #require(boxes.first)
        #expect(boxes.count == 1)
        let top = box[1] - box[0]
        #expect(abs(atan2(top.y, top.x) - atan(0.5)) < 0.05, "the top edge follows the slope")
    }

    @Test("the minimum-area rectangle of a rotated square's corners is that square")
    func rotatedRectangle() throws {
        let corners = [TextPoint(x: 10, y: 0), TextPoint(x: 20, y: 10), TextPoint(x: 10, y: 20), TextPoint(x: 0, y: 10)]
        let rectangle = try #require(RotatedRectangle(around: corners + [TextPoint(x: 10, y: 10)]))
        #expect(abs(rectangle.sides.u * rectangle.sides.v - 200) < 1e-9)
        #expect(Set(rectangle.corners.map { "\(Int($0.x.rounded())),\(Int($0.y.rounded()))" }) == ["10,0", "20,10", "10,20", "0,10"])
        #expect(RotatedRectangle(around: []) == nil)
    }

    @Test("reading order: rows top to bottom, left to right within 10 pixels")
    func readingOrder() {
        func box(_ x: Double, _ y: Double) -> [TextPoint] {
            [TextPoint(x: x, y: y), TextPoint(x: x + 10, y: y), TextPoint(x: x + 10, y: y + 5), TextPoint(x: x, y: y + 5)]
        }
        let ordered = TextDetector.readingOrder([box(50, 3), box(0, 40), box(10, 0), box(30, 8)])
        #expect(ordered.map { $0[0].x } == [10, 30, 50, 0])
    }
}
