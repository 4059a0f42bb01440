extension Readings {
    /// The alternatives of ``Reading/workbinForm``: the form of PlaceInWorkbin's "workbin".
    public enum WorkbinForm: String, ReadingChoice {
        case either
        case string
        case list

        public static var reading: Reading { .workbinForm }

        public var summary: String {
            switch self {
            case .either: "accepts a workbin name as a string or a non-empty list of names"
            case .string: "accepts only a string; a list is refused with 400"
            case .list: "accepts only a non-empty list of names; a string is refused with 400"
            }
        }
    }
}
