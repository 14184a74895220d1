import Foundation

/// A colour in OKLab (Björn Ottosson, 2020), a perceptual colour space: `l` is lightness (0 black
/// to 1 white), `a` green-red and `b` blue-yellow; equal distances look about equally different,
/// so averaging and clustering colours here behaves as the eye expects.
///
/// ```swift
/// let blue = OKLab(red: 0, green: 0, blue: 255)  // l 0.452, a -0.032, b -0.312
/// blue.chroma  // 0.313
/// ```
public struct OKLab: Sendable, Equatable, Codable {
    public var l: Double
    public var a: Double
    public var b: Double

    public init(l: Double, a: Double, b: Double) {
        self.l = l
        self.a = a
        self.b = b
    }

    /// The OKLab value of an 8-bit sRGB colour.
    public init(red: UInt8, green: UInt8, blue: UInt8) {
        let r = Self.linear[Int(red)]
        let g = Self.linear[Int(green)]
        let bl = Self.linear[Int(blue)]
        let lms = (
            cbrt(0.412_221_470_8 * r + 0.536_332_536_3 * g + 0.051_445_992_9 * bl),
            cbrt(0.211_903_498_2 * r + 0.680_699_545_1 * g + 0.107_396_956_6 * bl),
            cbrt(0.088_302_461_9 * r + 0.281_718_837_6 * g + 0.629_978_700_5 * bl)
        )
        l = 0.210_454_255_3 * lms.0 + 0.793_617_785_0 * lms.1 - 0.004_072_046_8 * lms.2
        a = 1.977_998_495_1 * lms.0 - 2.428_592_205_0 * lms.1 + 0.450_593_709_9 * lms.2
        b = 0.025_904_037_1 * lms.0 + 0.782_771_766_2 * lms.1 - 0.808_675_766_0 * lms.2
    }

    /// The colour of a `#RRGGBB` text; nil for anything else.
    public init?(hex: String) {
        let digits = hex.hasPrefix("#") ? hex.dropFirst() : Substring(hex)
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        self.init(red: UInt8(value >> 16), green: UInt8((value >> 8) & 0xFF), blue: UInt8(value & 0xFF))
    }

    /// How colourful it is: the distance from the grey axis.
    public var chroma: Double { (a * a + b * b).squareRoot() }

    /// The hue angle in degrees, 0 ..< 360 (meaningless for greys).
    public var hue: Double {
        let degrees = atan2(b, a) * 180 / .pi
        return degrees < 0 ? degrees + 360 : degrees
    }

    /// The squared distance to another colour.
    public func distanceSquared(to other: OKLab) -> Double {
        let dl = l - other.l
        let da = a - other.a
        let db = b - other.b
        return dl * dl + da * da + db * db
    }

    /// Back to 8-bit sRGB (clamped to the sRGB gamut), as `#rrggbb`.
    public var hex: String {
        let lms = (
            pow(l + 0.396_337_777_4 * a + 0.215_803_757_3 * b, 3),
            pow(l - 0.105_561_345_8 * a - 0.063_854_172_8 * b, 3),
            pow(l - 0.089_484_177_5 * a - 1.291_485_548_0 * b, 3)
        )
        let linear = [
            4.076_741_662_1 * lms.0 - 3.307_711_591_3 * lms.1 + 0.230_969_929_2 * lms.2,
            -1.268_438_004_6 * lms.0 + 2.609_757_401_1 * lms.1 - 0.341_319_396_5 * lms.2,
            -0.004_196_086_3 * lms.0 - 0.703_418_614_7 * lms.1 + 1.707_614_701_0 * lms.2,
        ]
        return "#"
            + linear.map { value in
                let clamped = min(max(value, 0), 1)
                let encoded = clamped <= 0.003_130_8 ? 12.92 * clamped : 1.055 * pow(clamped, 1 / 2.4) - 0.055
                return String(format: "%02x", Int((encoded * 255).rounded()))
            }.joined()
    }

    /// sRGB's transfer function undone, for each 8-bit value.
    private static let linear: [Double] = (0...255).map { value in
        let encoded = Double(value) / 255
        return encoded <= 0.040_45 ? encoded / 12.92 : pow((encoded + 0.055) / 1.055, 2.4)
    }
}
