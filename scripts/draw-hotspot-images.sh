#!/usr/bin/env bash
# Draws the pictures of the starter bank's 找隐患 (hotspot) questions into
# data/bank/images/. Each scene is plain ImageMagick drawing, so the pictures
# are our own and can be redrawn at will. The hazard rectangles in
# data/bank/hazard-identification.json must match the coordinates below:
# change both together.
#
# Usage: scripts/draw-hotspot-images.sh   (needs ImageMagick and fonts-noto-cjk)
set -euo pipefail

out="$(cd "$(dirname "$0")/.." && pwd)/data/bank/images"
mkdir -p "$out"

# A Simplified-Chinese face; ImageMagick knows it by this name through fontconfig.
font=Noto-Sans-CJK-SC-Bold
if ! convert -list font | grep -c "Font: $font\$" >/dev/null; then
  echo "draw-hotspot-images: font $font not found (install fonts-noto-cjk)" >&2
  exit 1
fi

# Few flat colours keep the PNGs small; +dither stops noise between them.
finish() { convert "$1" +dither -colors 32 -strip "PNG8:$out/$2"; rm -f "$1"; }

# The drawing of the scene being built; render() turns it into a PNG.
args=()
a() { args+=("$@"); }

# A standing person: person X_FEET Y_FEET SHIRT HELMET ("none" for no helmet).
person() {
  local x=$1 y=$2 shirt=$3 helmet=$4
  local hip=$((y - 70)) neck=$((y - 150)) head=$((y - 172))
  a -stroke '#333' -strokewidth 9 -fill none \
    -draw "line $((x - 18)),$y $x,$hip" -draw "line $((x + 18)),$y $x,$hip"
  a -stroke "$shirt" -strokewidth 26 -draw "line $x,$hip $x,$neck"
  a -strokewidth 9 -draw "line $x,$((neck + 8)) $((x - 30)),$((neck + 60))" \
    -draw "line $x,$((neck + 8)) $((x + 30)),$((neck + 60))"
  a -stroke '#333' -strokewidth 2 -fill '#f2c9a0' -draw "circle $x,$head $((x + 18)),$head"
  if [ "$helmet" != none ]; then
    a -fill "$helmet" -draw "path 'M $((x - 22)),$((head - 4)) A 21,18 0 0,1 $((x + 22)),$((head - 4)) Z'"
  fi
}

# A text label: label X Y SIZE COLOUR TEXT
label() {
  a -stroke none -fill "$4" -font "$font" -pointsize "$3" -draw "text $1,$2 '$5'"
}

# render FILE: draws the scene built so far on a wall-coloured canvas.
render() {
  local tmp; tmp="$(mktemp --suffix=.png)"
  convert -size 800x600 xc:'#f4efe4' "${args[@]}" "$tmp"
  finish "$tmp" "$1"
  args=()
}

# 1. Warehouse: exit blocked by cartons; extinguisher missing from its spot.
a -fill '#c9c5bd' -draw 'rectangle 0,430 799,599'
a -stroke '#555' -strokewidth 4 -fill '#8c96a0' -draw 'rectangle 560,180 700,430'
a -fill '#2e8b3e' -stroke none -draw 'rectangle 550,128 710,172'
label 566 162 30 white 安全出口
a -stroke '#7a5a2a' -strokewidth 3 -fill '#c8964f' -draw 'rectangle 535,380 625,470' -draw 'rectangle 625,380 725,470'
a -draw 'rectangle 550,300 640,380' -draw 'rectangle 640,310 715,380'
a -stroke '#e8d9b0' -strokewidth 6 -draw 'line 580,380 580,470' -draw 'line 675,380 675,470' -draw 'line 595,300 595,380'
a -stroke '#6b4b2b' -strokewidth 8 -fill none -draw 'rectangle 40,150 260,430'
a -draw 'line 40,240 260,240' -draw 'line 40,335 260,335'
a -stroke '#7a5a2a' -strokewidth 3 -fill '#c8964f' -draw 'rectangle 55,185 125,236' -draw 'rectangle 140,200 200,236' -draw 'rectangle 70,280 160,331' -draw 'rectangle 60,375 150,426'
a -fill '#d0342c' -stroke none -draw 'rectangle 350,218 430,254'
label 360 246 24 white 灭火器
a -fill none -stroke '#d0342c' -strokewidth 4 -draw 'stroke-dasharray 12 8 rectangle 360,268 420,400'
label 20 40 28 '#333' 仓库
render warehouse-exit.png

# 2. Switch room: distribution cabinet left open with bare wires hanging out.
a -fill '#c9c5bd' -draw 'rectangle 0,470 799,599'
a -stroke '#444' -strokewidth 4 -fill '#a9b2b8' -draw 'rectangle 300,120 480,460'
a -fill '#2f3439' -draw 'rectangle 315,135 465,445'
a -stroke none -fill '#e8e8e8' -draw 'rectangle 330,160 350,210' -draw 'rectangle 360,160 380,210' -draw 'rectangle 390,160 410,210' -draw 'rectangle 420,160 440,210'
a -stroke '#444' -strokewidth 4 -fill '#bfc7cc' -draw 'polygon 480,120 590,150 590,440 480,460'
a -fill '#f5c400' -stroke '#111' -strokewidth 4 -draw 'polygon 535,200 500,262 570,262'
a -fill '#111' -stroke none -draw 'polygon 540,215 524,242 536,242 530,257 548,232 537,232'
label 497 295 18 '#111' 当心触电
a -fill none -strokewidth 6 -stroke '#d0342c' -draw 'path "M 340,210 C 330,300 300,380 280,520"'
a -stroke '#1f5fbf' -draw 'path "M 370,210 C 380,320 360,420 380,540"'
a -stroke '#e0b000' -draw 'path "M 400,210 C 420,300 440,380 430,505"'
a -stroke '#c87533' -strokewidth 4 -draw 'line 280,520 272,540' -draw 'line 380,540 384,560' -draw 'line 430,505 436,525'
label 330 108 28 '#333' 配电箱
a -stroke '#555' -strokewidth 3 -fill '#e6e1d6' -draw 'rectangle 640,260 760,470'
label 660 300 22 '#555' 值班室
render electrical-cabinet.png

# 3. Workshop: a worker high on a leaning ladder that nobody holds.
a -fill '#c9c5bd' -draw 'rectangle 0,520 799,599'
a -fill '#888' -stroke none -draw 'rectangle 380,0 392,40'
a -fill '#fff6b0' -stroke '#666' -strokewidth 3 -draw 'ellipse 386,60 50,20 0,360'
a -stroke '#b07a2a' -strokewidth 10 -fill none -draw 'line 330,560 430,120' -draw 'line 400,560 500,120'
a -strokewidth 6 -draw 'line 339,520 409,520' -draw 'line 352,465 422,465' -draw 'line 364,410 434,410' -draw 'line 377,355 447,355' -draw 'line 389,300 459,300' -draw 'line 402,245 472,245' -draw 'line 414,190 484,190' -draw 'line 426,135 496,135'
person 430 300 '#1f5fbf' '#f5c400'
person 690 560 '#2e8b3e' '#f5c400'
a -fill '#222' -stroke none -draw 'rectangle 655,440 675,470'
label 20 40 28 '#333' 车间
render ladder.png

# 4. Canteen corridor: a wet patch right after mopping, no warning sign.
a -fill '#d8d4c8' -draw 'rectangle 0,380 799,599'
a -stroke '#555' -strokewidth 4 -fill '#8c96a0' -draw 'rectangle 60,150 200,380'
a -fill '#3a6ea5' -stroke none -draw 'rectangle 50,100 210,140'
label 100 131 28 white 食堂
a -fill '#8fc3ec' -stroke '#4a90c8' -strokewidth 3 -draw 'path "M 270,470 C 280,430 380,420 430,440 C 480,420 540,440 520,480 C 560,510 480,540 420,525 C 360,545 250,520 270,470 Z"'
a -stroke '#ffffff' -strokewidth 4 -fill none -draw 'line 320,460 350,452' -draw 'line 430,480 470,470'
a -fill '#e05020' -stroke '#222' -strokewidth 3 -draw 'polygon 560,430 640,430 630,500 570,500'
a -stroke '#9a7440' -strokewidth 7 -draw 'line 600,440 650,300'
person 150 560 '#d0342c' none
person 720 520 '#7a3fa0' none
label 20 40 28 '#333' 食堂走廊
render wet-floor.png

# 5. Roof work, two hazards: the edge has no guardrail and the worker there no
# harness; the other worker ties his lanyard to an anchor at his feet (低挂高用).
a -fill '#bfe0f5' -draw 'rectangle 0,0 799,599'
a -fill '#8a8f96' -stroke '#555' -strokewidth 3 -draw 'rectangle 0,360 620,599'
a -fill '#b9bcc0' -draw 'rectangle 0,330 620,360'
a -fill '#c6ccd2' -stroke '#777' -draw 'rectangle 40,400 120,460' -draw 'rectangle 180,400 260,460' -draw 'rectangle 320,400 400,460' -draw 'rectangle 460,400 540,460' -draw 'rectangle 40,500 120,560' -draw 'rectangle 180,500 260,560' -draw 'rectangle 320,500 400,560' -draw 'rectangle 460,500 540,560'
a -fill '#555' -stroke none -draw 'rectangle 100,295 116,332'
person 240 330 '#1f5fbf' '#f5c400'
a -stroke '#f08a00' -strokewidth 6 -fill none -draw 'line 226,205 254,255' -draw 'line 254,205 226,255'
a -stroke '#222' -strokewidth 4 -draw 'path "M 116,300 C 160,330 200,300 240,258"'
person 598 330 '#d0342c' '#f5c400'
label 60 290 22 '#333' 安全带挂点
label 20 40 28 '#333' 屋面作业
render roof-edge.png

# 6. Workshop: welding beside petrol drums; a worker smoking under the ban sign.
a -fill '#c9c5bd' -draw 'rectangle 0,470 799,599'
a -fill '#6d747a' -stroke '#333' -strokewidth 3 -draw 'rectangle 150,440 330,475'
person 210 560 '#1f5fbf' none
a -fill '#333' -stroke none -draw 'rectangle 186,372 234,408'
a -stroke '#ff9a00' -strokewidth 4 -draw 'line 262,440 300,400' -draw 'line 262,440 310,430' -draw 'line 262,440 285,390' -draw 'line 262,440 320,445'
a -stroke '#ffd000' -strokewidth 3 -draw 'line 262,440 305,415' -draw 'line 262,440 295,455'
a -fill '#c0392b' -stroke '#6a1a12' -strokewidth 3 -draw 'rectangle 350,360 420,470' -draw 'rectangle 425,360 495,470'
a -stroke '#6a1a12' -strokewidth 2 -draw 'line 350,395 420,395' -draw 'line 350,435 420,435' -draw 'line 425,395 495,395' -draw 'line 425,435 495,435'
label 360 425 22 white 汽油
label 435 425 22 white 汽油
a -fill white -stroke '#d0342c' -strokewidth 10 -draw 'circle 660,110 660,55'
a -stroke none -fill '#333' -draw 'rectangle 625,104 690,118'
a -stroke '#d0342c' -strokewidth 10 -draw 'line 622,72 698,148'
label 608 200 26 '#d0342c' 禁止吸烟
person 660 520 '#2e8b3e' none
a -stroke white -strokewidth 7 -draw 'line 674,352 708,344'
a -stroke '#ff4000' -draw 'line 708,344 716,342'
a -stroke '#999' -strokewidth 4 -fill none -draw 'path "M 716,334 C 708,318 726,306 716,290 C 708,276 726,266 718,250"'
label 20 40 28 '#333' 维修车间
render welding-smoking.png

ls -l "$out"
