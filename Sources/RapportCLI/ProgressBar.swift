import Foundation
import RapportIngest
import Synchronization

/// A one-line progress bar on standard error, redrawn at most ten times a second.
final class ProgressBar: Sendable {
    private let enabled: Bool
    private let state = Mutex<(last: ContinuousClock.Instant?, started: ContinuousClock.Instant)>((nil, .now))

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func update(_ s: FileIngestor.Summary, file: String) {
        let fraction = s.totalBytes > 0 ? min(1, Double(s.bytesRead) / Double(s.totalBytes)) : 0
        update(fraction: fraction, label: (file as NSString).lastPathComponent) { seconds in
            let rate = seconds > 0 ? Int(Double(s.read) / seconds) : 0
            return String(
                format: "read %d  stored %d  dup %d  filtered %d  rejected %d  %d/s", s.read, s.stored, s.duplicates,
                s.filtered, s.rejected.count, rate)
        }
    }

    /// Draws `label [####....] NN%  detail` (`detail` gets the seconds since the bar started).
    func update(fraction: Double, label: String, detail: (Double) -> String = { _ in "" }) {
        guard enabled else { return }
        let now = ContinuousClock.now
        let draw = state.withLock { st -> Bool in
            if let last = st.last, now - last < .milliseconds(100) { return false }
            st.last = now
            return true
        }
        guard draw else { return }
        let fraction = min(1, max(0, fraction))
        let width = 30
        let filled = Int(fraction * Double(width))
        let elapsed = state.withLock { now - $0.started }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let line = String(
            format: "\r%@ [%@%@] %3d%%  %@ ", label, String(repeating: "#", count: filled),
            String(repeating: ".", count: width - filled), Int(fraction * 100), detail(seconds))
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        guard enabled else { return }
        state.withLock { $0.last = nil }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
