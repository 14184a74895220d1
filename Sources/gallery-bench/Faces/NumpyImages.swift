import Foundation

/// Reads a stack of greyscale images from a NumPy `.npy` file of float64 values in 0...1, shape
/// `(count, height, width)` (scikit-image's `lfw_subset.npy`).
struct NumpyImages {
    let count: Int
    let height: Int
    let width: Int
    /// Row-major values, image after image.
    let values: [Double]

    enum Failure: Error, CustomStringConvertible {
        case unsupported(String)
        var description: String {
            switch self {
            case .unsupported(let reason): "unsupported .npy file: \(reason)"
            }
        }
    }

    init(contentsOf url: URL) throws {
        let data = try Data(contentsOf: url)
        guard data.count > 10, data.prefix(6) == Data([0x93]) + Data("NUMPY".utf8) else { throw Failure.unsupported("no NUMPY magic") }
        let headerLength = Int(data[8]) | Int(data[9]) << 8
        guard let header = String(data: data[10..<(10 + headerLength)], encoding: .ascii) else { throw Failure.unsupported("header") }
        guard header.contains("'descr': '<f8'"), header.contains("'fortran_order': False") else {
            throw Failure.unsupported("expected little-endian float64 in C order: \(header)")
        }
        guard let shapeText = header.firstMatch(of: /'shape': \((\d+), (\d+), (\d+)\)/) else { throw Failure.unsupported("shape") }
        count = Int(shapeText.output.1)!
        height = Int(shapeText.output.2)!
        width = Int(shapeText.output.3)!
        let body = data.dropFirst(10 + headerLength)
        guard body.count == count * height * width * 8 else { throw Failure.unsupported("data size") }
        let total = body.count / 8
        values = body.withUnsafeBytes { raw in
            (0..<total).map { Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self))) }
        }
    }

    /// Image `index` as interleaved RGB bytes.
    func rgb(_ index: Int) -> [UInt8] {
        let plane = height * width
        var bytes = [UInt8](repeating: 0, count: plane * 3)
        for pixel in 0..<plane {
            let value = UInt8(clamping: Int((values[index * plane + pixel] * 255).rounded()))
            bytes[pixel * 3] = value
            bytes[pixel * 3 + 1] = value
            bytes[pixel * 3 + 2] = value
        }
        return bytes
    }
}
