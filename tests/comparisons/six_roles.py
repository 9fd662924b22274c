"""The six shipped roles the print and office tests export together: the widest
comparison there is, mixing lines of work, positions and company sizes."""

SIX = [
    "social-media-manager",
    "social-media-berater",
    "community-manager",
    "pr-berater",
    "blogger",
    "seo-manager",
]
