(block (block_end) @end) @indent
(tuple (tuple_end) @end) @indent
