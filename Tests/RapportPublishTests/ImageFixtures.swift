import Foundation

/// Minimal image headers built byte by byte: enough for the inspector (which reads headers only), padded to
/// any size, so tests need no binary fixtures and say exactly what each byte is.
enum ImageFixtures {
    static func png(width: Int, height: Int, size: Int = 64) -> Data {
        var b: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        b += be32(width) + be32(height) + [8, 6, 0, 0, 0]
        return pad(b, to: size)
    }

    static func gif(width: Int, height: Int, size: Int = 64) -> Data {
        pad(Array("GIF89a".utf8) + le16(width) + le16(height) + [0, 0, 0], to: size)
    }

    /// SOI, an APP0 segment to walk over, then SOF0 (or SOF2 for progressive).
    static func jpeg(width: Int, height: Int, size: Int = 64, progressive: Bool = false) -> Data {
        var b: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
        b += [0xFF, progressive ? 0xC2 : 0xC0, 0x00, 0x11, 8] + be16(height) + be16(width) + [3]
        b += [1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]
        return pad(b, to: size)
    }

    static func webpLossy(width: Int, height: Int, size: Int = 64) -> Data {
        var b = Array("RIFF".utf8) + le32(size - 8) + Array("WEBPVP8 ".utf8) + le32(size - 20)
        b += [0x30, 0x01, 0x00, 0x9D, 0x01, 0x2A] + le16(width) + le16(height)
        return pad(b, to: size)
    }

    static func webpLossless(width: Int, height: Int, size: Int = 64) -> Data {
        let bits = (width - 1) | (height - 1) << 14
        let b = Array("RIFF".utf8) + le32(size - 8) + Array("WEBPVP8L".utf8) + le32(size - 20) + [0x2F] + le32(bits)
        return pad(b, to: size)
    }

    static func webpExtended(width: Int, height: Int, size: Int = 64) -> Data {
        var b = Array("RIFF".utf8) + le32(size - 8) + Array("WEBPVP8X".utf8) + le32(10) + [0x10, 0, 0, 0]
        b += Array(le32(width - 1).prefix(3)) + Array(le32(height - 1).prefix(3))
        return pad(b, to: size)
    }

    static func pad(_ bytes: [UInt8], to size: Int) -> Data {
        var data = Data(bytes)
        if data.count < size { data.append(Data(count: size - data.count)) }
        return data
    }

    static func be16(_ v: Int) -> [UInt8] { [UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
    static func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
    static func be32(_ v: Int) -> [UInt8] { be16(v >> 16) + be16(v) }
    static func le32(_ v: Int) -> [UInt8] { le16(v) + le16(v >> 16) }
}
