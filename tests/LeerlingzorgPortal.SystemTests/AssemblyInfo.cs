// The classes start real processes on a 2-core machine that also runs the other test projects: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
