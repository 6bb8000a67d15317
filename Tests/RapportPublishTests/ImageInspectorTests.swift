import Foundation
import Testing

@testable import RapportPublish

@Suite("Image inspection by content")
struct ImageInspectorTests {
    static let fixtures: [(String, Data, ImageFormat, Int, Int)] = [
        ("PNG", ImageFixtures.png(width: 1080, height: 1350), .png, 1080, 1350),
        ("GIF", ImageFixtures.gif(width: 320, height: 200), .gif, 320, 200),
        ("JPEG baseline", ImageFixtures.jpeg(width: 4032, height: 3024), .jpeg, 4032, 3024),
        ("JPEG progressive", ImageFixtures.jpeg(width: 640, height: 480, progressive: true), .jpeg, 640, 480),
        ("WebP lossy", ImageFixtures.webpLossy(width: 800, height: 600), .webp, 800, 600),
        ("WebP lossless", ImageFixtures.webpLossless(width: 16383, height: 1), .webp, 16383, 1),
        ("WebP extended", ImageFixtures.webpExtended(width: 1_000_000, height: 3), .webp, 1_000_000, 3),
    ]

    @Test("format and dimensions from the headers", arguments: fixtures)
    func reads(_ fixture: (String, Data, ImageFormat, Int, Int)) throws {
        let image = try ImageInspector.inspect(fixture.1).get()
        #expect(
            image == InspectedImage(format: fixture.2, byteCount: fixture.1.count, width: fixture.3, height: fixture.4))
    }

    @Test("a Data slice is read from its own start")
    func slice() throws {
        let framed = Data([1, 2, 3]) + ImageFixtures.png(width: 2, height: 3)
        let image = try ImageInspector.inspect(framed.dropFirst(3)).get()
        #expect(image.width == 2 && image.height == 3)
    }

    @Test("unknown content is refused whatever it claims to be")
    func unknown() {
        #expect(ImageInspector.inspect(Data()) == .failure(.empty))
        #expect(
            ImageInspector.inspect(Data("<svg xmlns='http://www.w3.org/2000/svg'/>".utf8)) == .failure(.unknownFormat))
        // Invalid UTF-8.
        #expect(ImageInspector.inspect(Data([0xFF, 0xFE, 0xFD, 0x00, 0xC3, 0x28])) == .failure(.unknownFormat))
        #expect(ImageInspector.inspect(Data("%PDF-1.7".utf8)) == .failure(.unknownFormat))
        #expect(ImageInspector.inspect(Data("RIFF\0\0\0\0WAVE".utf8)) == .failure(.unknownFormat))
    }

    @Test("every truncation of a valid header is refused, never read past its end")
    func truncated() {
        for data in [
            ImageFixtures.png(width: 10, height: 10, size: 0), ImageFixtures.gif(width: 10, height: 10, size: 0),
            ImageFixtures.jpeg(width: 10, height: 10, size: 0), ImageFixtures.webpLossy(width: 10, height: 10, size: 0),
            ImageFixtures.webpLossless(width: 10, height: 10, size: 0),
            ImageFixtures.webpExtended(width: 10, height: 10, size: 0),
        ] {
            let full = (try? ImageInspector.inspect(data).get())
            #expect(full != nil)
            for length in 0..<(data.count - 1) {
                let cut = data.prefix(length)
                guard case .failure = ImageInspector.inspect(cut) else {
                    // Only a header complete up to the dimensions may succeed.
                    #expect(length >= 10)
                    continue
                }
            }
        }
    }

    @Test("zero dimensions and broken JPEG structure are corrupt")
    func corrupt() {
        #expect(ImageInspector.inspect(ImageFixtures.png(width: 0, height: 10)) == .failure(.corrupt(.png)))
        #expect(ImageInspector.inspect(ImageFixtures.gif(width: 10, height: 0)) == .failure(.corrupt(.gif)))
        // SOI then start of scan with no frame header.
        #expect(ImageInspector.inspect(Data([0xFF, 0xD8, 0xFF, 0xDA, 0, 2])) == .failure(.corrupt(.jpeg)))
        // A segment length of 0 would loop forever if trusted.
        #expect(ImageInspector.inspect(Data([0xFF, 0xD8, 0xFF, 0xE1, 0, 0, 0xFF, 0xC0])) == .failure(.corrupt(.jpeg)))
        // Only fill bytes.
        #expect(
            ImageInspector.inspect(Data([0xFF, 0xD8] + [UInt8](repeating: 0xFF, count: 10_000)))
                == .failure(.corrupt(.jpeg)))
    }

    @Test("random bytes after each signature never crash")
    func fuzz() {
        var generator = SystemRandomNumberGenerator()
        let signatures: [[UInt8]] = [
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], [0xFF, 0xD8, 0xFF], Array("GIF89a".utf8),
            Array("RIFF\0\0\0\0WEBPVP8X".utf8), Array("RIFF\0\0\0\0WEBPVP8L".utf8), Array("RIFF\0\0\0\0WEBPVP8 ".utf8),
        ]
        for _ in 0..<2000 {
            let signature = signatures.randomElement(using: &generator)!
            let tail = (0..<Int.random(in: 0..<64, using: &generator)).map { _ in
                UInt8.random(in: 0...255, using: &generator)
            }
            _ = ImageInspector.inspect(Data(signature + tail))
        }
    }
}
