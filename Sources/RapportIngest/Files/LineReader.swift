import Foundation

/// Reads a file a chunk at a time and hands out its lines (without the `\n`), so
/// memory stays flat however large the file is.
public struct LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private let chunkSize: Int
    /// Pipes and terminals: take what is available instead of waiting for a full chunk,
    /// so a co-process gets its answer line by line.
    private var interactive = false
    /// Bytes consumed so far (for progress).
    public private(set) var bytesRead = 0
    /// Lines longer than this are cut off and reported rather than buffered without bound.
    public let maxLineBytes: Int

    public init(path: String, chunkSize: Int = 1 << 20, maxLineBytes: Int = 8 << 20) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        self.init(fileHandle: handle, chunkSize: chunkSize, maxLineBytes: maxLineBytes)
        interactive = false
    }

    /// Reads from an open handle (standard input, a pipe).
    public init(fileHandle handle: FileHandle, chunkSize: Int = 1 << 16, maxLineBytes: Int = 8 << 20) {
        self.handle = handle
        self.chunkSize = chunkSize
        self.maxLineBytes = maxLineBytes
        self.interactive = true
    }

    /// The next line, or nil at the end of the file. `tooLong` is set when the line was cut.
    public mutating func next() throws -> (line: ArraySlice<UInt8>, tooLong: Bool)? {
        var tooLong = false
        while true {
            if let newline = buffer[position...].firstIndex(of: 0x0A) {
                let line = buffer[position..<newline]
                position = newline + 1
                return (line, tooLong)
            }
            if atEnd {
                guard position < buffer.count else { return nil }
                let line = buffer[position...]
                position = buffer.count
                return (line, tooLong)
            }
            if buffer.count - position > maxLineBytes {
                // Drop what we have of this line and keep skipping to its end.
                tooLong = true
                buffer.removeAll(keepingCapacity: true)
                position = 0
            }
            if position > 0 {
                buffer.removeSubrange(0..<position)
                position = 0
            }
            let chunk = interactive ? handle.availableData : try handle.read(upToCount: chunkSize) ?? Data()
            if chunk.isEmpty {
                atEnd = true
            } else {
                bytesRead += chunk.count
                buffer.append(contentsOf: chunk)
            }
        }
    }

    public func close() { try? handle.close() }
}
