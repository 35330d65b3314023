"""Reading inputs (text, HTML, feeds, JSONL, WARC) into Articles, with clear rejections."""
