#!/usr/bin/env bash
# Draws the kiosk icon's PNG sizes (48, 128, 256 px, for the hicolor icon
# theme) with ImageMagick, from the same shapes as icons/ankang-kiosk.svg:
# the green safety cross on a white shield. Run after changing the shapes;
# the PNGs are kept in the tree so a build needs no ImageMagick.
set -euo pipefail
dir=$(cd "$(dirname "$0")/icons" && pwd)
shield='M128 36 L204 64 L204 128 C204 172 172 204 128 222 C84 204 52 172 52 128 L52 64 Z'
cross='M112 76 H144 V112 H180 V144 H144 V180 H112 V144 H76 V112 H112 Z'
convert -size 256x256 xc:none \
  -fill '#1d4e89' -draw 'roundrectangle 8,8 247,247 44,44' \
  -fill '#ffffff' -stroke '#f2c230' -strokewidth 8 -draw "path '$shield'" \
  -stroke none -fill '#1a8f3c' -draw "path '$cross'" \
  -strip "PNG32:$dir/ankang-kiosk-256.png"
for size in 48 128; do
  convert "$dir/ankang-kiosk-256.png" -resize "${size}x${size}" -strip "PNG32:$dir/ankang-kiosk-$size.png"
done
ls -l "$dir"/*.png
