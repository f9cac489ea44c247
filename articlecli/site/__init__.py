"""Site-aware cleaning: learn a site's template from many of its pages, then use it on each page.

`keys` normalises a line into the form counted across pages (numbers masked, dated lines left out);
`groups` tells which site a page belongs to (URL host, else its folder); `learn` streams pages into
per-site line counts with bounded memory; `profile` is the versioned JSON file that holds the result;
`apply` marks a page's template lines for the labeller.
"""
