"""Small Jw_cad (JWW) and DWG drawings written with ezjww and ezdwg, for the reader tests.

The same floor in both formats: a 6 m x 4 m office split by a wall at x = 3 m with a 0.9 m
swing door (arc + leaf), an entrance gap in the south wall, and two room names. Walls, doors
and names sit on their own layers (壁/建具/室名 in the JWW, WALL/DOOR/ROOM-NAME in the DWG).
"""

from __future__ import annotations

from pathlib import Path

#: (start, end) wall lines in metres
WALLS = [((0, 0), (1, 0)), ((2, 0), (6, 0)), ((6, 0), (6, 4)), ((6, 4), (0, 4)), ((0, 4), (0, 0)),
         ((3, 0), (3, 1.5)), ((3, 2.4), (3, 4))]
#: (hinge, radius, open leaf end): the arc runs 0°..90° from the hinge's east to its north
DOORS = [((3.0, 1.5), 0.9, (3.9, 1.5)),   # in the middle wall, opening (3, 1.5)-(3, 2.4)
         ((1.0, 0.0), 1.0, (1.0, 1.0))]   # entrance in the south wall, opening (1, 0)-(2, 0)
ROOMS = [("事務室", (1.2, 2.0)), ("会議室", (4.2, 2.0))]


def write_dwg(path: Path, insunits: int = 4, unit_m: float = 0.001) -> Path:
    """The floor as a DWG (R2000) in the unit ``unit_m`` (metres per unit), $INSUNITS given."""
    import ezdwg

    k = 1.0 / unit_m
    d = ezdwg.new()
    for name in ("WALL", "DOOR", "ROOM-NAME"):
        d.layers[name] = {"color_index": 7}
    d.header["insunits"] = insunits
    msp = d.modelspace()
    for a, b in WALLS:
        msp.add_line((a[0] * k, a[1] * k), (b[0] * k, b[1] * k), layer="WALL")
    for (hx, hy), r, (lx, ly) in DOORS:
        msp.add_arc((hx * k, hy * k), r * k, 0, 90, layer="DOOR")
        msp.add_line((hx * k, hy * k), (lx * k, ly * k), layer="DOOR")
    for text, (x, y) in ROOMS:
        msp.add_text(text, (x * k, y * k), height=0.3 * k, layer="ROOM-NAME")
    d.save(str(path))
    return path


def write_jww(path: Path, scale: int = 100) -> Path:
    """The floor as a Jw_cad JWW drawn at 1:``scale`` (paper millimetres)."""
    import ezjww

    k = 1000.0 / scale
    d = ezjww.new(paper_size=3)
    group = d.options["layer_groups"][0]
    group["name"], group["scale"] = "平面図", float(scale)
    for n, name in ((1, "壁"), (2, "建具"), (3, "室名")):
        group["layers"][n]["name"] = name
    msp = d.modelspace()
    for a, b in WALLS:
        msp.add_line((a[0] * k, a[1] * k), (b[0] * k, b[1] * k), jwwattribs={"layer": 1})
    for (hx, hy), r, (lx, ly) in DOORS:
        msp.add_arc((hx * k, hy * k), r * k, start_angle=0, sweep_angle=90, jwwattribs={"layer": 2})
        msp.add_line((hx * k, hy * k), (lx * k, ly * k), jwwattribs={"layer": 2})
    for text, (x, y) in ROOMS:
        msp.add_text(text, (x * k, y * k), ((x + 0.9) * k, y * k), jwwattribs={"layer": 3})
    d.saveas(str(path))
    return path
