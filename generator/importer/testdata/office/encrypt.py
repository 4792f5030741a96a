#!/usr/bin/python3
"""Saves a document with an opening password through LibreOffice:
encrypt.py IN OUT FILTER (e.g. "MS Excel 97", "Calc MS Excel 2007 XML",
"MS Word 2007 XML"). Needs python3-uno and a running
soffice --headless --accept="socket,host=localhost,port=2002;urp;".
"""
import os, sys, uno
from com.sun.star.beans import PropertyValue

def prop(n, v):
    p = PropertyValue(); p.Name = n; p.Value = v
    return p

src, dst, flt = sys.argv[1:4]
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
ctx = resolver.resolve("uno:socket,host=localhost,port=2002;urp;StarOffice.ComponentContext")
desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0, (prop("Hidden", True),))
doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(dst)), (prop("FilterName", flt), prop("Password", "secret")))
doc.close(True)
