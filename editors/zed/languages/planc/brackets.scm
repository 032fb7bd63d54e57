((block_start) @open (block_end) @close)
((tuple_start) @open (tuple_end) @close)
("(" @open ")" @close)
("{" @open "}" @close)
