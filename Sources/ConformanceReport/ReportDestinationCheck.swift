import Foundation

extension ReportRegistry {
    /// What would keep the reports from being written, found before anything runs: a path given twice, a path that
    /// is a directory, a directory that cannot be made or written. One line per problem, naming the path.
    public static func problems(in destinations: [Destination]) -> [String] {
        var problems: [String] = []
        var seen: [String: Format] = [:]
        let files = FileManager.default
        for destination in destinations {
            let path = URL(fileURLWithPath: destination.path).standardizedFileURL.path
            if let earlier = seen[path] {
                problems.append(
                    "--report \(destination.format.rawValue):\(destination.path): the path is already given for the "
                        + "\(earlier.rawValue) report; give each report its own file")
                continue
            }
            seen[path] = destination.format
            var isDirectory: ObjCBool = false
            if files.fileExists(atPath: path, isDirectory: &isDirectory) {
                if isDirectory.boolValue {
                    problems.append(
                        "--report \(destination.format.rawValue):\(destination.path): that is a directory; give a "
                            + "file path, e.g. \(destination.path)/run.\(destination.format.rawValue)")
                } else if !files.isWritableFile(atPath: path) {
                    problems.append(
                        "--report \(destination.format.rawValue):\(destination.path): the file is not writable")
                }
                continue
            }
            // The nearest existing ancestor must be a writable directory: the rest is created when writing.
            var ancestor = URL(fileURLWithPath: path).deletingLastPathComponent()
            while !files.fileExists(atPath: ancestor.path, isDirectory: &isDirectory), ancestor.path != "/" {
                ancestor = ancestor.deletingLastPathComponent()
            }
            if !isDirectory.boolValue {
                problems.append(
                    "--report \(destination.format.rawValue):\(destination.path): \(ancestor.path) is a file, so no "
                        + "directory can be made there")
            } else if !files.isWritableFile(atPath: ancestor.path) {
                problems.append(
                    "--report \(destination.format.rawValue):\(destination.path): the directory \(ancestor.path) is "
                        + "not writable")
            }
        }
        return problems
    }
}
