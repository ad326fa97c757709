#!/usr/bin/env bash
# Rebuild the desk's vendored assets (src/rasd/serve/static/vendor/) and its basemap
# (src/rasd/serve/static/basemap/) from the npm registry and the OCHA Iraq boundaries.
# Run by hand, once per upgrade, with Node.js and npm; the results are committed, so that
# `rasd serve` needs neither Node.js nor a network. NOTICE.md records what comes from where.
#
#   bash scripts/make_desk_assets.sh [OCHA_IRAQ_DIR]   (default ../shared/data/ocha-iraq-admin)
set -eu
cd "$(dirname "$0")/.."
root=$PWD
static=$root/src/rasd/serve/static
ocha=${1:-$root/../shared/data/ocha-iraq-admin}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent \
  leaflet@1.9.4 leaflet.markercluster@1.5.3 swagger-ui-dist@5.36.0 world-atlas@2.0.2 \
  mapshaper@0.7.70
nm=$work/node_modules

vendor=$static/vendor
rm -rf "$vendor"
mkdir -p "$vendor/leaflet/images" "$vendor/leaflet.markercluster" "$vendor/swagger-ui"
cp "$nm/leaflet/dist/leaflet.js" "$nm/leaflet/dist/leaflet.css" "$nm/leaflet/LICENSE" \
  "$vendor/leaflet/"
cp "$nm"/leaflet/dist/images/*.png "$vendor/leaflet/images/"
cp "$nm/leaflet.markercluster/dist/leaflet.markercluster.js" \
  "$nm/leaflet.markercluster/dist/MarkerCluster.css" \
  "$nm/leaflet.markercluster/dist/MarkerCluster.Default.css" \
  "$nm/leaflet.markercluster/MIT-LICENCE.txt" "$vendor/leaflet.markercluster/"
cp "$nm/swagger-ui-dist/swagger-ui-bundle.js" "$nm/swagger-ui-dist/swagger-ui.css" \
  "$nm/swagger-ui-dist/LICENSE" "$nm/swagger-ui-dist/NOTICE" \
  "$nm/swagger-ui-dist/swagger-ui-bundle.js.LICENSE.txt" "$vendor/swagger-ui/"
# the bundle points at a source map that is not shipped: no 404 in the browser's console
sed -i '/^\/\/# sourceMappingURL=/d' "$vendor"/*/*.js
sed -i 's#/\*\# sourceMappingURL=[^*]*\*/##' "$vendor"/*/*.css

basemap=$static/basemap
mkdir -p "$basemap"
# Natural Earth's countries at 1:50m (world-atlas), simplified, as GeoJSON with their names
npx mapshaper "$nm/world-atlas/countries-50m.json" -target countries \
  -simplify 25% keep-shapes -o format=geojson precision=0.01 "$basemap/countries.geojson"
cp "$nm/world-atlas/LICENSE" "$basemap/LICENSE-world-atlas.txt"
# Iraq's governorates (OCHA COD-AB), simplified, with their English and Arabic names
npx mapshaper "$ocha/irq_admbnda_adm1_cso_20190603.geojson" \
  -simplify 10% keep-shapes -filter-fields ADM1_EN,ADM1_AR,ADM1_PCODE \
  -rename-fields name=ADM1_EN,name_ar=ADM1_AR,pcode=ADM1_PCODE \
  -o format=geojson precision=0.001 "$basemap/iraq-admin1.geojson"
find "$static" -type f -exec chmod 644 {} +
ls -l "$vendor"/* "$basemap"
