import Foundation

/// Reads an image's format and dimensions from its bytes: PNG (IHDR), GIF (logical screen descriptor), JPEG
/// (the first SOFn marker) and WebP (VP8, VP8L or VP8X chunk). Never trusts a name or a declared type, never
/// decodes pixels, and reads at most the file once, so hostile content costs no more than its size.
public enum ImageInspector {
    /// The inspection of `data`, or why it is not a usable image.
    public static func inspect(_ data: Data) -> Result<InspectedImage, ImageRejection> {
        let bytes = Bytes(data)
        guard bytes.count > 0 else { return .failure(.empty) }
        let format: ImageFormat
        let size: (width: Int, height: Int)?
        if bytes.matches([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], at: 0) {
            format = .png
            size = png(bytes)
        } else if bytes.matches([0xFF, 0xD8, 0xFF], at: 0) {
            format = .jpeg
            size = jpeg(bytes)
        } else if bytes.matches(Array("GIF87a".utf8), at: 0) || bytes.matches(Array("GIF89a".utf8), at: 0) {
            format = .gif
            size = gif(bytes)
        } else if bytes.matches(Array("RIFF".utf8), at: 0), bytes.matches(Array("WEBP".utf8), at: 8) {
            format = .webp
            size = webp(bytes)
        } else {
            return .failure(.unknownFormat)
        }
        guard let size, size.width > 0, size.height > 0 else { return .failure(.corrupt(format)) }
        return .success(InspectedImage(format: format, byteCount: bytes.count, width: size.width, height: size.height))
    }

    /// The IHDR chunk must come first: length 13, type `IHDR`, then width and height (big-endian).
    private static func png(_ b: Bytes) -> (Int, Int)? {
        guard b.matches(Array("IHDR".utf8), at: 12), let width = b.uint32BE(at: 16), let height = b.uint32BE(at: 20)
        else { return nil }
        return (width, height)
    }

    /// The logical screen descriptor right after the signature: width and height, little-endian.
    private static func gif(_ b: Bytes) -> (Int, Int)? {
        guard let width = b.uint16LE(at: 6), let height = b.uint16LE(at: 8) else { return nil }
        return (width, height)
    }

    /// Walks the markers until a start-of-frame (SOF0–SOF15 but DHT C4, JPG C8, DAC CC), whose payload holds
    /// precision, height and width. Every step moves forward, so the walk ends.
    private static func jpeg(_ b: Bytes) -> (Int, Int)? {
        var i = 2
        while i + 1 < b.count {
            guard b[i] == 0xFF else { return nil }
            var marker = b[i + 1]
            i += 2
            // Fill bytes: any number of 0xFF before the marker code.
            while marker == 0xFF, i < b.count {
                marker = b[i]
                i += 1
            }
            switch marker {
            case 0xD8, 0x01, 0xD0...0xD7:
                continue  // standalone markers carry no length
            case 0xD9, 0xDA:
                return nil  // end of image or start of scan before any frame header
            default:
                guard let length = b.uint16BE(at: i), length >= 2 else { return nil }
                if (0xC0...0xCF).contains(marker), marker != 0xC4, marker != 0xC8, marker != 0xCC {
                    guard let height = b.uint16BE(at: i + 3), let width = b.uint16BE(at: i + 5) else { return nil }
                    return (width, height)
                }
                i += length
            }
        }
        return nil
    }

    /// RIFF container, then the first chunk: `VP8 ` (lossy), `VP8L` (lossless) or `VP8X` (extended).
    private static func webp(_ b: Bytes) -> (Int, Int)? {
        if b.matches(Array("VP8 ".utf8), at: 12) {
            // Frame tag (3 bytes), start code 9D 01 2A, then 14-bit width and height.
            guard b.matches([0x9D, 0x01, 0x2A], at: 23), let w = b.uint16LE(at: 26), let h = b.uint16LE(at: 28)
            else { return nil }
            return (w & 0x3FFF, h & 0x3FFF)
        }
        if b.matches(Array("VP8L".utf8), at: 12) {
            // Signature 0x2F, then width-1 and height-1 on 14 bits each.
            guard b.count > 21 + 3, b[20] == 0x2F, let bits = b.uint32LE(at: 21) else { return nil }
            return ((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
        }
        if b.matches(Array("VP8X".utf8), at: 12) {
            // Flags and reserved (4 bytes), then canvas width-1 and height-1 on 24 bits each.
            guard let w = b.uint24LE(at: 24), let h = b.uint24LE(at: 27) else { return nil }
            return (w + 1, h + 1)
        }
        return nil
    }
}

/// Bounds-checked reads over `Data` (whose indices need not start at 0).
struct Bytes {
    private let data: Data
    let count: Int

    init(_ data: Data) {
        self.data = data
        self.count = data.count
    }

    subscript(_ i: Int) -> UInt8 { data[data.startIndex + i] }

    func matches(_ expected: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, offset + expected.count <= count else { return false }
        for (k, byte) in expected.enumerated() where self[offset + k] != byte { return false }
        return true
    }

    func uint16BE(at i: Int) -> Int? {
        guard i >= 0, i + 2 <= count else { return nil }
        return Int(self[i]) << 8 | Int(self[i + 1])
    }

    func uint16LE(at i: Int) -> Int? {
        guard i >= 0, i + 2 <= count else { return nil }
        return Int(self[i]) | Int(self[i + 1]) << 8
    }

    func uint24LE(at i: Int) -> Int? {
        guard i >= 0, i + 3 <= count else { return nil }
        return Int(self[i]) | Int(self[i + 1]) << 8 | Int(self[i + 2]) << 16
    }

    func uint32BE(at i: Int) -> Int? {
        guard i >= 0, i + 4 <= count else { return nil }
        return Int(self[i]) << 24 | Int(self[i + 1]) << 16 | Int(self[i + 2]) << 8 | Int(self[i + 3])
    }

    func uint32LE(at i: Int) -> Int? {
        guard i >= 0, i + 4 <= count else { return nil }
        return Int(self[i]) | Int(self[i + 1]) << 8 | Int(self[i + 2]) << 16 | Int(self[i + 3]) << 24
    }
}
