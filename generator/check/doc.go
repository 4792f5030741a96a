// Package check finds what is wrong in a loaded site before anything is
// published: sums that do not reconcile, plans out of order, indicators
// outside the framework, spending that names nothing or exceeds its budget,
// narrative that will not render. Every message points into the user's file.
// It reads the model and never changes it.
package check
