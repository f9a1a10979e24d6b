#!/usr/bin/env python3
"""Fills the English plural forms in translations/spoon_console_en.ts.

Source strings say "%n error(s)"; English needs "%n error" and "%n errors". Every other
English message stays untranslated, so the source text is shown. Run by
scripts/update-translations.sh after lupdate.
"""
import sys
import xml.etree.ElementTree as ET

path = sys.argv[1] if len(sys.argv) > 1 else "translations/spoon_console_en.ts"
tree = ET.parse(path)
for message in tree.iter("message"):
    if message.get("numerus") != "yes":
        continue
    source = message.find("source").text
    translation = message.find("translation")
    for child in list(translation):
        translation.remove(child)
    translation.attrib.pop("type", None)
    translation.text = None
    for form in (source.replace("(s)", ""), source.replace("(s)", "s")):
        element = ET.SubElement(translation, "numerusform")
        element.text = form
with open(path, "wb") as out:
    out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
    tree.write(out, encoding="utf-8", xml_declaration=False)
    out.write(b"\n")
