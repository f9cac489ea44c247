"""The labeller: decides which units are the article's main text.

`content` finds the main-text region (a maximum-sum run of units); `inbody` removes what sits
inside that region but is not text (photo credits, captions, author boxes, widget labels).
"""
