package packs

// SetBatches sets the rows a batch of groups holds at most and a function
// told the groups and the rows of each batch read; the returned function
// restores both.
func SetBatches(rows int, told func(groups, rows int)) (restore func()) {
	was, wasTold := batchRows, onBatch
	batchRows, onBatch = rows, told
	return func() { batchRows, onBatch = was, wasTold }
}
