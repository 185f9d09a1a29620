"""List every backup through the IAM catalog, as keystoneauth1 and openstacksdk users do.

Run by openstack-clients.test.ts with Debian's python3-keystoneauth1 and
python3-openstacksdk. Argument: a JSON object with auth_url, username, password,
user_domain_name, project_id (and optionally region, page). Prints one JSON object.

Two clients, each given only the auth URL and the user's credentials (no endpoint):
 1. keystoneauth1's generic password plugin (version discovery at the auth URL) and a
    keystoneauth session that finds CSBS in the catalog by service type data-protect;
 2. openstacksdk reading the cloud "emulator" from the clouds.yaml named by
    OS_CLIENT_CONFIG_FILE, and its session doing the same.
"""

import json
import sys

from keystoneauth1 import session as ks_session
from keystoneauth1.identity import generic
import openstack


def walk(session, region, page):
    """Every backup id, page by page by marker, through the catalog endpoint."""
    endpoint_filter = {"service_type": "data-protect", "interface": "public", "region_name": region}
    ids = []
    request_ids = set()
    marker = None
    while True:
        params = {"limit": page}
        if marker is not None:
            params["marker"] = marker
        response = session.get("/checkpoint_items", endpoint_filter=endpoint_filter, params=params)
        request_ids.add(response.headers.get("X-Openstack-Request-Id"))
        items = response.json()["checkpoint_items"]
        ids.extend(item["id"] for item in items)
        if len(items) < page:
            break
        marker = items[-1]["id"]
    return {
        "endpoint": session.get_endpoint(**endpoint_filter),
        "ids": ids,
        "request_ids_present": None not in request_ids,
    }


def main():
    args = json.loads(sys.argv[1])
    region = args.get("region", "eu-de")
    page = int(args.get("page", 7))

    auth = generic.Password(
        auth_url=args["auth_url"],
        username=args["username"],
        password=args["password"],
        user_domain_name=args["user_domain_name"],
        project_id=args["project_id"],
    )
    keystone = walk(ks_session.Session(auth=auth), region, page)

    conn = openstack.connect(cloud="emulator")
    sdk = walk(conn.session, region, page)
    sdk["project_id"] = conn.current_project_id

    print(json.dumps({"keystoneauth": keystone, "openstacksdk": sdk}))


if __name__ == "__main__":
    main()
