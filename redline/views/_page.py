"""The HTML report's fixed parts: its style sheet and its script, inline and hashed.

Both are constants, so the report's Content-Security-Policy can name them by their SHA-256
hash instead of allowing any inline code: nothing an input holds could run even if it were
ever written unescaped, and `default-src 'none'` forbids every network request.
"""

from __future__ import annotations

import base64
import hashlib

__all__ = ["CSP", "SCRIPT", "STYLE"]

STYLE = """
*{box-sizing:border-box}
[hidden]{display:none!important}
html{-webkit-text-size-adjust:100%}
body{margin:0 auto;max-width:72rem;padding:.75rem;font:16px/1.5 "Times New Roman",Times,serif;
color:#1b1b1b;background:#fff;overflow-wrap:anywhere}
h1{font-size:1.35rem;margin:.2rem 0 .4rem}
h2{font-size:1.1rem;margin:1.2rem 0 .4rem}
.meta,.counts,.controls,.keys,nav,th,.tag,.note-label,.move{font-family:system-ui,sans-serif}
.meta{font-size:.85rem;color:#444;margin:0}
.counts{display:flex;flex-wrap:wrap;gap:.3rem;padding:0;margin:.5rem 0;list-style:none}
.counts li{border:1px solid #ccc;border-radius:1rem;padding:0 .55rem;font-size:.85rem}
.controls{display:flex;flex-wrap:wrap;gap:.35rem .8rem;align-items:center;font-size:.9rem;
margin:.6rem 0;padding:.4rem .5rem;background:#f4f4f4;border-radius:.3rem}
.controls fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.2rem .7rem}
.controls legend{font-weight:600;float:left;margin-right:.4rem}
.controls label{white-space:nowrap}
button{font:inherit;padding:.15rem .6rem}
.keys{font-size:.8rem;color:#555;margin:0}
nav{font-size:.88rem;margin:.4rem 0 1rem}
nav ol{margin:.2rem 0;padding-left:1.6rem;max-height:14rem;overflow-y:auto}
table{width:100%;table-layout:fixed;border-collapse:collapse}
th,td{vertical-align:top;padding:.35rem .45rem;border-top:1px solid #ddd;text-align:start}
thead th{font-size:.85rem;color:#444;border-top:0}
thead th.label{width:7.5rem}
td.both,th.both{display:none}
body.inline td.old,body.inline td.new,body.inline th.old,body.inline th.new{display:none}
body.inline td.both,body.inline th.both{display:table-cell}
th.label{font-size:.8rem;font-weight:600;line-height:1.3}
.tag{display:inline-block;font-size:.7rem;font-weight:500;border-radius:.6rem;padding:0 .35rem;
margin:.1rem .1rem 0 0;background:#eee;color:#333}
.tag.modified{background:#fff3c4}.tag.added{background:#dcf2dc}.tag.deleted{background:#fbdcdc}
.tag.moved{background:#dbeafe}
.text{unicode-bidi:isolate;white-space:pre-wrap}
ins{color:#0a4fa3;text-decoration:underline;background:#eef5ff}
del{color:#b3261e;text-decoration:line-through;background:#fff0ef}
tr.moved ins,tr.moved del{color:#12703a;text-decoration-style:double;background:#eefaf1}
tr.stub td{color:#555}
tr.unchanged{color:#333}
tr:target th,tr:target td,tr.current th,tr.current td{background:#fffbe0}
.move{display:block;font-size:.8rem;margin-top:.3rem}
.notes{margin:.35rem 0 0;padding:0;list-style:none;font-size:.85rem}
.note-label{font-size:.75rem;color:#555}
section ol{padding-left:1.4rem}
.word-line{margin:.8rem 0 .3rem;font-family:system-ui,sans-serif;font-size:.9rem}
.word-table{margin:0 0 .8rem;font-size:.92rem}
.word-table th,.word-table td{border:1px solid #ccc}
.word-table th{width:5.4rem;font-size:.75rem;font-family:system-ui,sans-serif}
.word-table tr.inserted td{background:#f3f8ff}
.word-table tr.deleted td{background:#fff6f5}
.word-table td.edited{outline:2px solid #f0d36a;outline-offset:-2px}
@media (max-width:640px){
body{padding:.4rem;font-size:15px}
thead th.label{width:4.6rem}
th,td{padding:.3rem .25rem}
th.label{font-size:.7rem}
.tag{font-size:.6rem;overflow-wrap:normal}
}
@media print{
.controls,.keys,nav{display:none}
body{max-width:none;padding:0;font-size:10.5pt}
tr{break-inside:avoid}
a{color:inherit;text-decoration:none}
ins,del{background:none}
}
"""

SCRIPT = """
(function(){
"use strict";
var rows=Array.prototype.slice.call(document.querySelectorAll("tbody tr[data-tags]"));
var items=Array.prototype.slice.call(document.querySelectorAll("#changes li[data-tags]"));
var boxes=Array.prototype.slice.call(document.querySelectorAll("input[data-filter]"));
var toggle=document.getElementById("toggle");
var at=-1;
function shown(el,on){
if(!on.length){return true;}
var tags=el.getAttribute("data-tags").split(" ");
return on.some(function(f){return tags.indexOf(f)>=0;});
}
function apply(){
var on=boxes.filter(function(b){return b.checked;}).map(function(b){
return b.getAttribute("data-filter");});
rows.forEach(function(r){r.hidden=!shown(r,on);});
items.forEach(function(i){i.hidden=!shown(i,on);});
}
boxes.forEach(function(b){b.addEventListener("change",apply);});
toggle.addEventListener("click",function(){
var inline=document.body.classList.toggle("inline");
toggle.setAttribute("aria-pressed",inline?"true":"false");
});
function go(step){
var changes=rows.filter(function(r){return r.hasAttribute("data-change")&&!r.hidden;});
if(!changes.length){return;}
var now=changes.indexOf(rows[at]);
var next=now<0?(step>0?0:changes.length-1):Math.min(changes.length-1,Math.max(0,now+step));
if(at>=0){rows[at].classList.remove("current");}
at=rows.indexOf(changes[next]);
changes[next].classList.add("current");
changes[next].scrollIntoView({block:"center"});
}
document.addEventListener("keydown",function(e){
if(e.ctrlKey||e.metaKey||e.altKey){return;}
var t=e.target&&e.target.tagName;
if(t==="INPUT"||t==="TEXTAREA"||t==="SELECT"){return;}
if(e.key==="j"||e.key==="n"){go(1);e.preventDefault();}
else if(e.key==="k"||e.key==="p"){go(-1);e.preventDefault();}
});
apply();
})();
"""


def _hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


# No network (default-src 'none'), no image, no form, no base URL; only these two inline
# blocks, by hash.
CSP = (
    f"default-src 'none'; style-src {_hash(STYLE)}; script-src {_hash(SCRIPT)}; "
    "img-src 'none'; base-uri 'none'; form-action 'none'"
)
