package fileio

import (
	"slices"
	"time"
)

// Listing is a folder's entries as a walk read them, with what stat said
// of the folder just before: creating, removing or renaming an entry
// changes a folder's modification and change times, so while the folder
// stats the same its entries are the same and a walk need not read them
// again (as Git's untracked cache does). At 10× the province a rebuild
// walks 3,000 content folders; reading their entries was a quarter of its
// fingerprints.
type Listing struct {
	Dir                 string // slash-separated, from the walk's root ("." for it)
	Inode               uint64
	ModNano, ChangeNano int64
	Names               []string // every entry but . and .., sorted
}

// Listings carry folders' entries from one walk to the next (see
// Guard.WalkListed).
type Listings struct {
	// Known are the last walk's listings.
	Known []Listing
	// Before: a folder changed at or after it is read again, since it may
	// have changed again within the file system's time resolution (Git's
	// "racily clean" rule).
	Before time.Time
	// Seen are this walk's listings, in the walk's order (none for a
	// folder the system gives no stamp of).
	Seen []Listing
}

// known is the names of the folder rel when the last walk's listing of it
// stands: the folder stats as it did then, and changed long enough before.
func (l *Listings) known(rel string, st dirStamp) ([]string, bool) {
	if l == nil || !st.ok {
		return nil, false
	}
	i := len(l.Seen) // (a walk of the same tree finds the folders in the same order)
	if i >= len(l.Known) || l.Known[i].Dir != rel {
		if i = slices.IndexFunc(l.Known, func(k Listing) bool { return k.Dir == rel }); i < 0 {
			return nil, false
		}
	}
	k := l.Known[i]
	if k.Inode != st.inode || k.ModNano != st.mod || k.ChangeNano != st.change ||
		!time.Unix(0, max(st.mod, st.change)).Before(l.Before) {
		return nil, false
	}
	return k.Names, true
}

// see records the folder rel's listing.
func (l *Listings) see(rel string, st dirStamp, names []string) {
	if l != nil && st.ok {
		l.Seen = append(l.Seen, Listing{Dir: rel, Inode: st.inode, ModNano: st.mod, ChangeNano: st.change, Names: names})
	}
}

// FileStamp is what a walk keeps of a file's stat besides its size: the
// Sys of the FileInfo it gives.
type FileStamp struct {
	Inode               uint64
	ModNano, ChangeNano int64
}

// dirStamp is what stat said of a folder (ok false: nothing usable).
type dirStamp struct {
	inode       uint64
	mod, change int64
	ok          bool
}

// Equal says whether two listings are the same.
func (l Listing) Equal(o Listing) bool {
	return l.Dir == o.Dir && l.Inode == o.Inode && l.ModNano == o.ModNano && l.ChangeNano == o.ChangeNano && slices.Equal(l.Names, o.Names)
}
