"""whoowns: tells people which executive role owns a decision or an area of work, and why."""
